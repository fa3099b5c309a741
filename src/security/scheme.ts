import type { RequestContext } from '../http/context.js';
import { HttpException } from '../http/exceptions.js';
import type { OAuthFlows, SecuritySchemeObject } from '../openapi/types.js';
import { BEARER_SUBPROTOCOL_PREFIX } from '../websocket/upgrade.js';

export type { OAuthFlows, SecuritySchemeObject };

/** Options every scheme takes. */
export interface SchemeOptions {
  /** The key under `components.securitySchemes` (default: the class name). */
  schemeName?: string;
  /** Shown in the documents beside the scheme. */
  description?: string;
  /** `false`: missing or refused credentials give `undefined` instead of a 401/403 (default true). */
  autoError?: boolean;
}

/** Where a request is being answered: a plain HTTP request or a WebSocket upgrade. */
export type RequestKind = 'http' | 'websocket';

/** Reads and checks one request's credentials; compiled once per place the scheme is used. */
export type CredentialReader = (ctx: RequestContext) => unknown;

/**
 * A security scheme: a dependency (`@Security(scheme)`, `@Depends(scheme)`, a route's
 * `security` or `dependencies`) whose value is the checked credentials, and which describes
 * itself to OpenAPI. Subclasses read the request; refusals are `HttpException`s carrying the
 * scheme's `WWW-Authenticate` challenge.
 */
export abstract class SecurityScheme {
  readonly schemeName: string;
  readonly description: string | undefined;
  readonly autoError: boolean;

  constructor(options: SchemeOptions = {}) {
    this.schemeName = options.schemeName ?? this.constructor.name;
    this.description = options.description;
    this.autoError = options.autoError ?? true;
  }

  /** The scheme's entry of `components.securitySchemes`. */
  openapi(): SecuritySchemeObject {
    const model = this.model();
    return this.description === undefined ? model : { ...model, description: this.description };
  }

  protected abstract model(): SecuritySchemeObject;

  /** Whether the reader returns a promise (known at bootstrap, so synchronous schemes allocate none). */
  get isAsync(): boolean {
    return false;
  }

  /**
   * The reader for one place of use: `scopes` are those required there, along the whole
   * dependency chain. With `autoError: false` a refusal gives `undefined`.
   */
  compile(scopes: readonly string[], kind: RequestKind): CredentialReader {
    const read = this.reader(scopes, kind);
    if (this.autoError) return read;
    return (ctx) => {
      try {
        const value = read(ctx);
        return value instanceof Promise ? value.catch(refusedToUndefined) : value;
      } catch (err) {
        return refusedToUndefined(err);
      }
    };
  }

  protected abstract reader(scopes: readonly string[], kind: RequestKind): CredentialReader;
}

function refusedToUndefined(err: unknown): undefined {
  if (err instanceof HttpException && (err.status === 401 || err.status === 403)) return undefined;
  throw err;
}

/** 401 with the scheme's challenge; the detail never carries the credentials. */
export function unauthorized(detail: string, challenge: string): HttpException {
  return new HttpException(401, detail, { 'www-authenticate': challenge });
}

/** The `Authorization` header split into its scheme and credentials (`['', '']` when absent). */
export function authorizationParts(ctx: RequestContext): [scheme: string, credentials: string] {
  const header = ctx.raw.headers.authorization;
  if (!header) return ['', ''];
  const space = header.indexOf(' ');
  if (space === -1) return [header, ''];
  return [header.slice(0, space), header.slice(space + 1).trim()];
}


/**
 * A bearer token: from `Authorization: Bearer …`; on a WebSocket upgrade also from the
 * `token` query parameter or a `bearer.<token>` subprotocol entry, since browsers cannot set
 * headers on a WebSocket. `undefined` when there is none.
 */
export function bearerToken(ctx: RequestContext, kind: RequestKind): string | undefined {
  const [scheme, credentials] = authorizationParts(ctx);
  if (scheme !== '') return scheme.toLowerCase() === 'bearer' && credentials !== '' ? credentials : undefined;
  if (kind !== 'websocket') return undefined;
  const query = ctx.query.token;
  const fromQuery = Array.isArray(query) ? query[0] : query;
  if (fromQuery) return fromQuery;
  const offered = ctx.raw.headers['sec-websocket-protocol'];
  if (!offered) return undefined;
  for (const entry of offered.split(',')) {
    const protocol = entry.trim();
    if (protocol.startsWith(BEARER_SUBPROTOCOL_PREFIX) && protocol.length > BEARER_SUBPROTOCOL_PREFIX.length) {
      return protocol.slice(BEARER_SUBPROTOCOL_PREFIX.length);
    }
  }
  return undefined;
}
