// Mirrors FastAPI's "Security" introduction (docs/en/docs/tutorial/security/index.md), a page of
// concepts with no example of its own. It lists the security schemes OpenAPI defines; this app
// uses one of each, so the document (and /docs's Authorize dialog) shows them all:
// `apiKey` in a query parameter, a header and a cookie; `http` bearer, basic and digest; `oauth2`
// with its four flows (implicit, clientCredentials, authorizationCode, password); `openIdConnect`.
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
  OpenIdConnect,
  bootstrap,
  type HTTPAuthorizationCredentials,
  type HTTPBasicCredentials,
} from 'zigmund';

const provider = 'https://auth.example.com';

const schemes = {
  apiKeyQuery: new APIKeyQuery({ name: 'api_key' }),
  apiKeyHeader: new APIKeyHeader({ name: 'X-API-Key' }),
  apiKeyCookie: new APIKeyCookie({ name: 'session' }),
  bearer: new HTTPBearer(),
  basic: new HTTPBasic(),
  digest: new HTTPDigest(),
  implicit: new OAuth2({ flows: { implicit: { authorizationUrl: `${provider}/authorize`, scopes: {} } }, schemeName: 'OAuth2Implicit' }),
  clientCredentials: new OAuth2ClientCredentials({ tokenUrl: `${provider}/token` }),
  authorizationCode: new OAuth2AuthorizationCodeBearer({ authorizationUrl: `${provider}/authorize`, tokenUrl: `${provider}/token` }),
  password: new OAuth2PasswordBearer({ tokenUrl: 'token' }),
  openIdConnect: new OpenIdConnect({ openIdConnectUrl: `${provider}/.well-known/openid-configuration` }),
};

@Controller('/api-key', { tags: ['apiKey'] })
class ApiKeyController {
  @Get('/query')
  query(@Depends(schemes.apiKeyQuery) key: string) {
    return { key };
  }

  @Get('/header')
  header(@Depends(schemes.apiKeyHeader) key: string) {
    return { key };
  }

  @Get('/cookie')
  cookie(@Depends(schemes.apiKeyCookie) key: string) {
    return { key };
  }
}

@Controller('/http', { tags: ['http'] })
class HttpController {
  @Get('/bearer')
  bearer(@Depends(schemes.bearer) credentials: HTTPAuthorizationCredentials) {
    return credentials;
  }

  @Get('/basic')
  basic(@Depends(schemes.basic) credentials: HTTPBasicCredentials) {
    return { username: credentials.username };
  }

  @Get('/digest')
  digest(@Depends(schemes.digest) credentials: HTTPAuthorizationCredentials) {
    return credentials;
  }
}

@Controller('/oauth2', { tags: ['oauth2'] })
class OAuth2Controller {
  @Get('/implicit')
  implicit(@Depends(schemes.implicit) token: string) {
    return { token };
  }

  @Get('/client-credentials')
  clientCredentials(@Depends(schemes.clientCredentials) token: string) {
    return { token };
  }

  @Get('/authorization-code')
  authorizationCode(@Depends(schemes.authorizationCode) token: string) {
    return { token };
  }

  @Get('/password')
  password(@Depends(schemes.password) token: string) {
    return { token };
  }
}

@Controller('/openid-connect', { tags: ['openIdConnect'] })
class OpenIdConnectController {
  @Get('/')
  me(@Depends(schemes.openIdConnect) token: string) {
    return { token };
  }
}

@Module({ controllers: [ApiKeyController, HttpController, OAuth2Controller, OpenIdConnectController] })
class AppModule {}

export const app = await bootstrap(AppModule);
