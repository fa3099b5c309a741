import { HttpException } from '../http/exceptions.js';
import { Form } from '../metadata/params.js';
import { bearerToken, SecurityScheme, unauthorized, type CredentialReader, type OAuthFlows, type RequestKind, type SchemeOptions, type SecuritySchemeObject } from './scheme.js';

/** Options of `OAuth2PasswordBearer` and `OAuth2ClientCredentials`. */
export interface OAuth2FlowOptions extends SchemeOptions {
  /** Where clients get a token (the app's own token route, e.g. `/token`). */
  tokenUrl: string;
  /** Where clients refresh a token, if anywhere. */
  refreshUrl?: string;
  /** The scopes the app knows, each with its description, shown in Swagger UI's Authorize dialog. */
  scopes?: Record<string, string>;
}

abstract class OAuth2Bearer extends SecurityScheme {
  readonly tokenUrl: string;
  readonly refreshUrl: string | undefined;
  readonly scopes: Record<string, string>;

  constructor(options: OAuth2FlowOptions) {
    super(options);
    if (!options?.tokenUrl) throw new TypeError(`${new.target.name} needs a tokenUrl: new ${new.target.name}({ tokenUrl: '/token' })`);
    this.tokenUrl = options.tokenUrl;
    this.refreshUrl = options.refreshUrl;
    this.scopes = { ...options.scopes };
  }

  protected flow() {
    return { tokenUrl: this.tokenUrl, ...(this.refreshUrl !== undefined && { refreshUrl: this.refreshUrl }), scopes: this.scopes };
  }

  /** The bearer token as sent; checking it (and its scopes, see `SecurityScopes.require`) is the app's. */
  protected reader(_scopes: readonly string[], kind: RequestKind): CredentialReader {
    return bearerReader(kind);
  }
}

function bearerReader(kind: RequestKind): CredentialReader {
  return (ctx) => {
    const token = bearerToken(ctx, kind);
    if (token === undefined) throw unauthorized('Not authenticated', 'Bearer');
    return token;
  };
}

/** Options of `OAuth2`. */
export interface OAuth2Options extends SchemeOptions {
  /** The flows as OpenAPI spells them: `implicit`, `password`, `clientCredentials`, `authorizationCode`. */
  flows: OAuthFlows;
}

/**
 * OAuth2 with any flows, as FastAPI's `OAuth2(flows=...)`: documented with the flows given (the
 * implicit flow, or several at once); the value is the bearer token. The classes below are the
 * common single-flow cases.
 * @example new OAuth2({ flows: { implicit: { authorizationUrl: 'https://id.example/authorize', scopes: {} } } })
 */
export class OAuth2 extends SecurityScheme {
  readonly flows: OAuthFlows;

  constructor(options: OAuth2Options) {
    super(options);
    if (!options?.flows) throw new TypeError("OAuth2 needs flows: new OAuth2({ flows: { implicit: { authorizationUrl, scopes: {} } } })");
    this.flows = options.flows;
  }

  protected model(): SecuritySchemeObject {
    return { type: 'oauth2', flows: this.flows };
  }

  protected reader(_scopes: readonly string[], kind: RequestKind): CredentialReader {
    return bearerReader(kind);
  }
}

/**
 * OAuth2's password flow (FastAPI's `OAuth2PasswordBearer`): the value is the bearer token;
 * Swagger UI's Authorize dialog logs in at `tokenUrl` with a user name and password.
 * @example const oauth2 = new OAuth2PasswordBearer({ tokenUrl: '/token', scopes: { me: 'Read yourself' } });
 */
export class OAuth2PasswordBearer extends OAuth2Bearer {
  protected model(): SecuritySchemeObject {
    return { type: 'oauth2', flows: { password: this.flow() } };
  }
}

/** OAuth2's client-credentials flow: the value is the bearer token a client got at `tokenUrl`. */
export class OAuth2ClientCredentials extends OAuth2Bearer {
  protected model(): SecuritySchemeObject {
    return { type: 'oauth2', flows: { clientCredentials: this.flow() } };
  }
}

/** Options of `OAuth2AuthorizationCodeBearer`. */
export interface OAuth2AuthorizationCodeOptions extends OAuth2FlowOptions {
  /** Where users are sent to log in and consent (the provider's authorization endpoint). */
  authorizationUrl: string;
}

/**
 * OAuth2's authorization-code flow (FastAPI's `OAuth2AuthorizationCodeBearer`): the value is the
 * bearer token a client got by exchanging a code at `tokenUrl`; Swagger UI's Authorize dialog
 * sends the user to `authorizationUrl` and comes back to `/docs/oauth2-redirect`.
 * @example new OAuth2AuthorizationCodeBearer({ authorizationUrl: 'https://id.example/authorize', tokenUrl: 'https://id.example/token' })
 */
export class OAuth2AuthorizationCodeBearer extends OAuth2Bearer {
  readonly authorizationUrl: string;

  constructor(options: OAuth2AuthorizationCodeOptions) {
    super(options);
    if (!options.authorizationUrl) throw new TypeError('OAuth2AuthorizationCodeBearer needs an authorizationUrl');
    this.authorizationUrl = options.authorizationUrl;
  }

  protected model(): SecuritySchemeObject {
    return { type: 'oauth2', flows: { authorizationCode: { authorizationUrl: this.authorizationUrl, ...this.flow() } } };
  }
}

/**
 * The form of OAuth2's password flow (RFC 6749 §4.3.2), read from an urlencoded or multipart
 * body: inject it with `@Depends(OAuth2PasswordRequestForm)` or by its type on a token route.
 * `grant_type` may be absent; any other value than "password" is a 400 `unsupported_grant_type`.
 */
export class OAuth2PasswordRequestForm {
  /** `scope` split on spaces. */
  readonly scopes: string[];

  constructor(
    @Form('grant_type', { required: false }) readonly grantType: string | undefined,
    @Form('username') readonly username: string,
    @Form('password') readonly password: string,
    @Form('scope', { default: '' }) readonly scope: string,
    @Form('client_id', { required: false }) readonly clientId: string | undefined,
    @Form('client_secret', { required: false }) readonly clientSecret: string | undefined,
  ) {
    if (grantType !== undefined && grantType !== 'password') {
      throw new HttpException(400, { error: 'unsupported_grant_type', error_description: 'grant_type must be "password"' });
    }
    this.scopes = scope.split(' ').filter((s) => s !== '');
  }
}

/** Options of `OpenIdConnect`. */
export interface OpenIdConnectOptions extends SchemeOptions {
  /** The provider's discovery document (`…/.well-known/openid-configuration`). */
  openIdConnectUrl: string;
}

/**
 * OpenID Connect: documented with its discovery URL; the value is the bearer token, to be
 * checked by the app (or by a `JWTBearer` with the provider's `jwksUrl`).
 */
export class OpenIdConnect extends SecurityScheme {
  readonly openIdConnectUrl: string;

  constructor(options: OpenIdConnectOptions) {
    super(options);
    if (!options?.openIdConnectUrl) throw new TypeError('OpenIdConnect needs an openIdConnectUrl');
    this.openIdConnectUrl = options.openIdConnectUrl;
  }

  protected model(): SecuritySchemeObject {
    return { type: 'openIdConnect', openIdConnectUrl: this.openIdConnectUrl };
  }

  protected reader(_scopes: readonly string[], kind: RequestKind): CredentialReader {
    return bearerReader(kind);
  }
}

/**
 * `OAuth2PasswordRequestForm` with `grant_type` required, as RFC 6749 wants (FastAPI's
 * `OAuth2PasswordRequestFormStrict`): missing or other than `password`, it is a 422.
 */
export class OAuth2PasswordRequestFormStrict extends OAuth2PasswordRequestForm {
  declare readonly grantType: string;

  constructor(
    @Form('grant_type', { pattern: '^password$' }) grantType: string,
    @Form('username') username: string,
    @Form('password') password: string,
    @Form('scope', { default: '' }) scope: string,
    @Form('client_id', { required: false }) clientId: string | undefined,
    @Form('client_secret', { required: false }) clientSecret: string | undefined,
  ) {
    super(grantType, username, password, scope, clientId, clientSecret);
  }
}
