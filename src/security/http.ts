import { authorizationParts, bearerToken, SecurityScheme, unauthorized, type CredentialReader, type RequestKind, type SchemeOptions, type SecuritySchemeObject } from './scheme.js';

/** The value of `HTTPBasic`: the decoded user name and password. */
export interface HTTPBasicCredentials {
  username: string;
  password: string;
}

/** The value of `HTTPBearer` and `HTTPDigest`: the scheme and the credentials as sent. */
export interface HTTPAuthorizationCredentials {
  scheme: string;
  credentials: string;
}

/** Options of `HTTPBasic`. */
export interface HTTPBasicOptions extends SchemeOptions {
  /** The protection space named in `WWW-Authenticate: Basic realm="…"` (default "api"). */
  realm?: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * HTTP Basic authentication (RFC 7617); the value is `{ username, password }`. Compare them
 * with `compareDigest`, never with `===`.
 * @example @Security(new HTTPBasic({ realm: 'admin' })) credentials: HTTPBasicCredentials
 */
export class HTTPBasic extends SecurityScheme {
  readonly realm: string;
  private readonly challenge: string;

  constructor(options: HTTPBasicOptions = {}) {
    super(options);
    this.realm = options.realm ?? 'api';
    this.challenge = `Basic realm="${this.realm.replace(/["\\]/g, '\\$&')}", charset="UTF-8"`;
  }

  protected model(): SecuritySchemeObject {
    return { type: 'http', scheme: 'basic' };
  }

  protected reader(): CredentialReader {
    return (ctx): HTTPBasicCredentials => {
      const [scheme, param] = authorizationParts(ctx);
      if (scheme.toLowerCase() !== 'basic' || param === '') throw unauthorized('Not authenticated', this.challenge);
      const decoded = decodeBasic(param);
      if (decoded === undefined) throw unauthorized('Invalid authentication credentials', this.challenge);
      const colon = decoded.indexOf(':');
      if (colon === -1) throw unauthorized('Invalid authentication credentials', this.challenge);
      return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    };
  }
}

function decodeBasic(param: string): string | undefined {
  if (param.length % 4 !== 0 || !BASE64.test(param)) return undefined;
  try {
    return utf8.decode(Buffer.from(param, 'base64'));
  } catch {
    return undefined;
  }
}

/** Options of `HTTPBearer`. */
export interface HTTPBearerOptions extends SchemeOptions {
  /** A hint of the token's format in the documents, e.g. "JWT". */
  bearerFormat?: string;
}

/**
 * A bearer token (RFC 6750) from `Authorization: Bearer …` (on WebSocket upgrades also from
 * `?token=` or a `bearer.<token>` subprotocol entry); the value is `{ scheme, credentials }`.
 * The token is not checked: that is the app's dependency (or use `JWTBearer`).
 */
export class HTTPBearer extends SecurityScheme {
  readonly bearerFormat: string | undefined;

  constructor(options: HTTPBearerOptions = {}) {
    super(options);
    this.bearerFormat = options.bearerFormat;
  }

  protected model(): SecuritySchemeObject {
    return { type: 'http', scheme: 'bearer', ...(this.bearerFormat !== undefined && { bearerFormat: this.bearerFormat }) };
  }

  protected reader(_scopes: readonly string[], kind: RequestKind): CredentialReader {
    return (ctx): HTTPAuthorizationCredentials => {
      const token = bearerToken(ctx, kind);
      if (token === undefined) throw unauthorized('Not authenticated', 'Bearer');
      return { scheme: 'Bearer', credentials: token };
    };
  }
}

/**
 * HTTP Digest (RFC 7616), as FastAPI's `HTTPDigest`: documented as `http` `digest` and reading
 * `Authorization: Digest …`, whose value is `{ scheme, credentials }` as sent (the parameters
 * unparsed). Like FastAPI's it is a stub: checking the response hash against a nonce the app
 * issued is the app's dependency. The refusal's challenge is a bare `Digest`, as FastAPI's.
 */
export class HTTPDigest extends SecurityScheme {
  protected model(): SecuritySchemeObject {
    return { type: 'http', scheme: 'digest' };
  }

  protected reader(): CredentialReader {
    return (ctx): HTTPAuthorizationCredentials => {
      const [scheme, credentials] = authorizationParts(ctx);
      if (scheme.toLowerCase() !== 'digest' || credentials === '') throw unauthorized('Not authenticated', 'Digest');
      return { scheme, credentials };
    };
  }
}
