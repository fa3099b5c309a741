import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Parser } from '@asyncapi/parser';
import { IsString } from 'class-validator';
import {
  APIKeyCookie,
  APIKeyHeader,
  APIKeyQuery,
  Connection,
  Controller,
  Depends,
  Get,
  HTTPBasic,
  HTTPBearer,
  JWTBearer,
  Module,
  OAuth2ClientCredentials,
  OAuth2PasswordBearer,
  OAuth2PasswordRequestForm,
  OpenIdConnect,
  Post,
  Security,
  WebSocket,
  bootstrap,
  dependency,
  type OpenApiDocument,
} from 'zigmund';

const oauth2 = new OAuth2PasswordBearer({ tokenUrl: '/token', scopes: { me: 'Read yourself', items: 'Read items' }, description: 'Log in with a user name' });
const apiKey = new APIKeyHeader({ name: 'X-API-Key' });
const queryKey = new APIKeyQuery({ name: 'api_key' });
const cookieKey = new APIKeyCookie({ name: 'session' });
const basicAuth = new HTTPBasic();
const bearer = new HTTPBearer({ bearerFormat: 'opaque' });
const sameBearer = new HTTPBearer({ bearerFormat: 'opaque' });
const otherBearer = new HTTPBearer({ bearerFormat: 'JWT' });
const clientCredentials = new OAuth2ClientCredentials({ tokenUrl: '/oauth/token', scopes: { read: 'Read' } });
const oidc = new OpenIdConnect({ openIdConnectUrl: 'https://id.example/.well-known/openid-configuration' });
const jwt = new JWTBearer({ secret: 'a-docs-secret-of-at-least-32-bytes!!' });
const jwtLogin = new JWTBearer({ secret: 'a-docs-secret-of-at-least-32-bytes!!', tokenUrl: '/token', scopes: { chat: 'Chat' }, schemeName: 'JWTLogin' });
const optional = new HTTPBearer({ autoError: false, schemeName: 'Optional' });

class ChatMessage {
  @IsString()
  text!: string;
}

const currentUser = dependency([Security(oauth2, ['me'])], (token: string) => token);

@Controller()
class DocsController {
  @Post('/token')
  login(form: OAuth2PasswordRequestForm) {
    return { access_token: form.username, token_type: 'bearer' };
  }

  @Get('/users/me')
  me(@Depends(currentUser) user: string) {
    return { user };
  }

  @Get('/items')
  items(@Security(currentUser, ['items']) user: string, @Security(apiKey) key: string) {
    return { user, key };
  }

  @Get('/keys', { security: [queryKey, cookieKey] })
  keys() {
    return {};
  }

  @Get('/basic', { dependencies: [basicAuth] })
  basic() {
    return {};
  }

  @Get('/bearers')
  bearers(@Security(bearer) a: unknown, @Security(sameBearer) b: unknown, @Security(otherBearer) c: unknown) {
    return { a, b, c };
  }

  @Get('/machines')
  machines(@Security(clientCredentials, ['read']) token: string, @Security(oidc) id: string) {
    return { token, id };
  }

  @Get('/jwt')
  jwt(@Security(jwt) claims: object) {
    return claims;
  }

  @Get('/maybe')
  maybe(@Security(optional) credentials: unknown) {
    return { credentials };
  }

  @Get('/public')
  open() {
    return {};
  }

  @WebSocket('/chat', { summary: 'Chat', receives: ChatMessage })
  async chat(conn: Connection, @Security(jwtLogin, ['chat']) claims: object) {
    await conn.sendJson(claims);
  }
}

@Module({ controllers: [DocsController] })
class DocsModule {}

const app = await bootstrap(DocsModule, { title: 'Secure', version: '1.0', logStartup: false, handleSignals: false });
const doc: OpenApiDocument = app.openapi();

test('every scheme used appears once in components.securitySchemes, described as OpenAPI wants', () => {
  assert.deepEqual(doc.components.securitySchemes, {
    OAuth2PasswordBearer: {
      type: 'oauth2',
      flows: { password: { tokenUrl: '/token', scopes: { me: 'Read yourself', items: 'Read items' } } },
      description: 'Log in with a user name',
    },
    APIKeyHeader: { type: 'apiKey', name: 'X-API-Key', in: 'header' },
    APIKeyQuery: { type: 'apiKey', name: 'api_key', in: 'query' },
    APIKeyCookie: { type: 'apiKey', name: 'session', in: 'cookie' },
    HTTPBasic: { type: 'http', scheme: 'basic' },
    HTTPBearer: { type: 'http', scheme: 'bearer', bearerFormat: 'opaque' },
    HTTPBearer2: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
    OAuth2ClientCredentials: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: '/oauth/token', scopes: { read: 'Read' } } } },
    OpenIdConnect: { type: 'openIdConnect', openIdConnectUrl: 'https://id.example/.well-known/openid-configuration' },
    JWTBearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
    Optional: { type: 'http', scheme: 'bearer' },
    JWTLogin: { type: 'oauth2', flows: { password: { tokenUrl: '/token', scopes: { chat: 'Chat' } } } },
  });
});

test('each operation lists its schemes with the scopes required along its chains', () => {
  const security = (path: string, verb: 'get' | 'post' = 'get') => doc.paths[path]?.[verb]?.security;
  assert.deepEqual(security('/users/me'), [{ OAuth2PasswordBearer: ['me'] }]);
  assert.deepEqual(security('/items'), [{ OAuth2PasswordBearer: ['items', 'me'], APIKeyHeader: [] }]);
  assert.deepEqual(security('/keys'), [{ APIKeyQuery: [], APIKeyCookie: [] }]);
  assert.deepEqual(security('/basic'), [{ HTTPBasic: [] }]);
  assert.deepEqual(security('/bearers'), [{ HTTPBearer: [], HTTPBearer2: [] }]);
  assert.deepEqual(security('/machines'), [{ OAuth2ClientCredentials: ['read'], OpenIdConnect: [] }]);
  assert.deepEqual(security('/jwt'), [{ JWTBearer: [] }]);
  assert.deepEqual(security('/maybe'), [{ Optional: [] }, {}], 'an optional scheme also allows anonymous calls');
  assert.deepEqual(security('/chat'), [{ JWTLogin: ['chat'] }]);
  assert.equal(security('/public'), undefined);
  assert.equal(security('/token', 'post'), undefined);
});

test('secured operations document their 401, and 403 where scopes are required', () => {
  assert.deepEqual(Object.keys(doc.paths['/items']!.get!.responses).sort(), ['200', '401', '403']);
  assert.deepEqual(Object.keys(doc.paths['/jwt']!.get!.responses).sort(), ['200', '401']);
  assert.deepEqual(Object.keys(doc.paths['/chat']!.get!.responses).sort(), ['101', '401', '403', '426']);
});

test('the token route documents the OAuth2 password form', () => {
  const body = doc.paths['/token']!.post!.requestBody!;
  const schema = body.content['application/x-www-form-urlencoded'].schema;
  assert.deepEqual(Object.keys(schema.properties ?? {}), ['grant_type', 'username', 'password', 'scope', 'client_id', 'client_secret']);
  assert.deepEqual(schema.required, ['username', 'password']);
  assert.equal(doc.paths['/users/me']!.get!.parameters, undefined, 'the credentials are not listed as parameters');
});

test('the document validates against the OpenAPI 3.1 schema', async () => {
  const result = await new Validator().validate(doc as never);
  assert.deepEqual(result.errors, undefined);
  assert.equal(result.valid, true);
});

test('AsyncAPI lists the schemes of WebSocket channels and validates', async () => {
  const asyncDoc = app.asyncapi();
  // AsyncAPI wants absolute OAuth2 URLs: without an absolute server, the flow is described as the bearer token it yields.
  assert.deepEqual(asyncDoc.components.securitySchemes, {
    JWTLogin: { type: 'http', scheme: 'bearer', description: 'OAuth2 (password) bearer token from /token' },
  });
  const [key] = Object.keys(asyncDoc.channels);
  assert.deepEqual(asyncDoc.channels[key]['x-security'], [{ JWTLogin: ['chat'] }]);
  assert.deepEqual(asyncDoc.operations[`${key}_receive`].security, [{ $ref: '#/components/securitySchemes/JWTLogin' }]);
  await assertValidAsyncApi(asyncDoc);

  const served = await bootstrap(DocsModule, { servers: [{ url: 'https://api.example/v1/' }], logStartup: false, handleSignals: false });
  const withServer = served.asyncapi();
  assert.deepEqual(withServer.components.securitySchemes?.JWTLogin, {
    type: 'oauth2',
    flows: { password: { tokenUrl: 'https://api.example/token', availableScopes: { chat: 'Chat' } } },
  });
  assert.deepEqual(withServer.operations[`${key}_receive`].security, [
    { type: 'oauth2', flows: { password: { tokenUrl: 'https://api.example/token', availableScopes: { chat: 'Chat' } } }, scopes: ['chat'] },
  ]);
  await assertValidAsyncApi(withServer);
});

async function assertValidAsyncApi(asyncDoc: unknown): Promise<void> {
  const { document, diagnostics } = await new Parser().parse(JSON.stringify(asyncDoc));
  const problems = diagnostics.filter((d) => d.severity <= 1).map((d) => `${d.code} at ${d.path.join('.')}: ${d.message}`);
  assert.deepEqual(problems, []);
  assert.ok(document);
}
