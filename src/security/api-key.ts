import type { RequestContext } from '../http/context.js';
import { SecurityScheme, unauthorized, type CredentialReader, type SchemeOptions, type SecuritySchemeObject } from './scheme.js';

/** Options of `APIKeyHeader`, `APIKeyQuery` and `APIKeyCookie`. */
export interface APIKeyOptions extends SchemeOptions {
  /** The header, query parameter or cookie that carries the key. */
  name: string;
}

type KeyLocation = 'header' | 'query' | 'cookie';

// FastAPI's answer since it moved API keys from 403 to 401: the challenge names the scheme.
const CHALLENGE = 'APIKey';

abstract class APIKeyBase extends SecurityScheme {
  readonly name: string;
  protected abstract readonly location: KeyLocation;

  constructor(options: APIKeyOptions) {
    super(options);
    if (!options?.name) throw new TypeError(`${new.target.name} needs a name: new ${new.target.name}({ name: 'x-api-key' })`);
    this.name = options.name;
  }

  protected model(): SecuritySchemeObject {
    return { type: 'apiKey', name: this.name, in: this.location };
  }

  protected abstract read(ctx: RequestContext): string | string[] | undefined;

  /** The key as sent; comparing it with the expected one is the app's (use `compareDigest`). */
  protected reader(): CredentialReader {
    return (ctx) => {
      const value = this.read(ctx);
      const key = Array.isArray(value) ? value[0] : value;
      if (!key) throw unauthorized('Not authenticated', CHALLENGE);
      return key;
    };
  }
}

/**
 * An API key in a request header; the value is the key.
 * @example const apiKey = new APIKeyHeader({ name: 'x-api-key' });
 */
export class APIKeyHeader extends APIKeyBase {
  protected readonly location = 'header';
  private readonly header: string;

  constructor(options: APIKeyOptions) {
    super(options);
    this.header = this.name.toLowerCase();
  }

  protected read(ctx: RequestContext): string | string[] | undefined {
    return ctx.raw.headers[this.header];
  }
}

/** An API key in a query parameter; the value is the key. */
export class APIKeyQuery extends APIKeyBase {
  protected readonly location = 'query';

  protected read(ctx: RequestContext): string | string[] | undefined {
    return ctx.query[this.name];
  }
}

/** An API key in a cookie; the value is the key. */
export class APIKeyCookie extends APIKeyBase {
  protected readonly location = 'cookie';

  protected read(ctx: RequestContext): string | undefined {
    return ctx.cookies[this.name];
  }
}
