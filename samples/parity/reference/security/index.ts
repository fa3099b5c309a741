// Mirrors FastAPI's reference page "Security Tools" (docs/en/docs/reference/security/index.md): each
// of fastapi.security's tools and its Zigmund counterpart, used as a dependency — APIKeyHeader,
// APIKeyQuery, APIKeyCookie, HTTPBasic (HTTPBasicCredentials), HTTPBearer
// (HTTPAuthorizationCredentials), HTTPDigest, OAuth2 (any flows), OAuth2PasswordBearer,
// OAuth2AuthorizationCodeBearer, OAuth2PasswordRequestForm, OAuth2PasswordRequestFormStrict,
// OpenIdConnect, SecurityScopes, plus OAuth2ClientCredentials. FastAPI's generic OAuth2 gives
// the whole Authorization header (a base for subclasses); Zigmund's gives the bearer token.
import 'reflect-metadata';
import {
  APIKeyCookie,
  APIKeyHeader,
  APIKeyQuery,
  Controller,
  Depends,
  Get,
  HTTPBasic,
  HTTPBearer,
  HTTPDigest,
  Module,
  OAuth2,
  OAuth2AuthorizationCodeBearer,
  OAuth2ClientCredentials,
  OAuth2PasswordBearer,
  OAuth2PasswordRequestForm,
  OAuth2PasswordRequestFormStrict,
  OpenIdConnect,
  Post,
  Security,
  SecurityScopes,
  bootstrap,
  dependency,
  type HTTPAuthorizationCredentials,
  type HTTPBasicCredentials,
} from 'zigmund';

const headerKey = new APIKeyHeader({ name: 'X-API-Key' });
const queryKey = new APIKeyQuery({ name: 'api_key' });
const cookieKey = new APIKeyCookie({ name: 'session' });
const basic = new HTTPBasic();
const bearer = new HTTPBearer({ bearerFormat: 'JWT' });
const digest = new HTTPDigest();
const password = new OAuth2PasswordBearer({ tokenUrl: '/token', scopes: { read: 'Read things' } });
const clientCredentials = new OAuth2ClientCredentials({ tokenUrl: '/client-token' });
const authorizationCode = new OAuth2AuthorizationCodeBearer({ authorizationUrl: 'https://id.example.com/authorize', tokenUrl: 'https://id.example.com/token' });
const implicit = new OAuth2({ flows: { implicit: { authorizationUrl: 'https://id.example.com/authorize', scopes: { read: 'Read things' } } } });
const scopesOf = dependency([SecurityScopes], (scopes: SecurityScopes) => scopes.scopes);
const oidc = new OpenIdConnect({ openIdConnectUrl: 'https://id.example.com/.well-known/openid-configuration' });

@Controller()
class SecurityController {
  @Get('/api-key/header')
  header(@Depends(headerKey) key: string) {
    return { key };
  }

  @Get('/api-key/query')
  query(@Depends(queryKey) key: string) {
    return { key };
  }

  @Get('/api-key/cookie')
  cookie(@Depends(cookieKey) key: string) {
    return { key };
  }

  @Get('/basic')
  basic(@Depends(basic) credentials: HTTPBasicCredentials) {
    return credentials;
  }

  @Get('/bearer')
  bearer(@Depends(bearer) credentials: HTTPAuthorizationCredentials) {
    return credentials;
  }

  @Get('/digest')
  digest(@Depends(digest) credentials: HTTPAuthorizationCredentials) {
    return credentials;
  }

  @Get('/password')
  password(@Security(password, ['read']) token: string) {
    return { token };
  }

  /** SecurityScopes in a dependency: the scopes required by whoever uses it. */
  @Get('/scopes')
  scopes(@Security(scopesOf, ['read', 'write']) required: readonly string[]) {
    return { required };
  }

  @Get('/client')
  client(@Depends(clientCredentials) token: string) {
    return { token };
  }

  @Get('/authorization-code')
  authorizationCode(@Depends(authorizationCode) token: string) {
    return { token };
  }

  @Get('/implicit')
  implicit(@Depends(implicit) token: string) {
    return { token };
  }

  @Get('/oidc')
  oidc(@Depends(oidc) token: string) {
    return { token };
  }

  @Post('/token')
  token(@Depends(OAuth2PasswordRequestForm) form: OAuth2PasswordRequestForm) {
    return { username: form.username, scopes: form.scopes, grant_type: form.grantType ?? null, client_id: form.clientId ?? null };
  }

  @Post('/strict-token')
  strictToken(@Depends(OAuth2PasswordRequestFormStrict) form: OAuth2PasswordRequestFormStrict) {
    return { username: form.username, grant_type: form.grantType };
  }
}

@Module({ controllers: [SecurityController] })
class AppModule {}

export const app = await bootstrap(AppModule);
