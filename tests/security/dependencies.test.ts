import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BootstrapError,
  Controller,
  Depends,
  Get,
  HTTPBearer,
  Module,
  OAuth2PasswordBearer,
  OAuth2PasswordRequestForm,
  Post,
  Security,
  SecurityScopes,
  TestClient,
  bootstrap,
  createApp,
  dependency,
} from 'zigmund';

const oauth2 = new OAuth2PasswordBearer({ tokenUrl: '/token', scopes: { me: 'Read yourself', items: 'Read items' } });
// Tokens of this test are "user:scope1,scope2".
let decodes = 0;

// FastAPI's OAuth2-scopes tutorial: the innermost dependency sees every scope required above it.
const currentUser = dependency([SecurityScopes, Security(oauth2)], (scopes: SecurityScopes, token: string) => {
  decodes++;
  const [user, granted = ''] = token.split(':');
  scopes.require(granted.split(',').filter((s) => s !== ''));
  return { user, required: scopes.scopes, scopeStr: scopes.scopeStr };
});
const activeUser = dependency([Security(currentUser, ['me'])], (user: { user: string }) => user);

@Controller()
class ScopesController {
  @Get('/me')
  me(@Security(activeUser) user: object) {
    return user;
  }

  @Get('/items')
  items(@Security(activeUser, ['items']) user: object) {
    return user;
  }

  @Get('/twice')
  twice(@Security(currentUser) plain: object, @Security(currentUser) again: object, @Security(currentUser, ['items']) scoped: object) {
    return { plain, same: plain === again, scoped };
  }

  @Get('/no-scopes')
  noScopes(scopes: SecurityScopes) {
    return { scopes: scopes.scopes, scopeStr: scopes.scopeStr };
  }

  @Get('/route-security', { security: [Security(oauth2, ['items'])] })
  routeSecurity() {
    return { ok: true };
  }

  @Post('/token')
  token(form: OAuth2PasswordRequestForm) {
    return { ...form };
  }

  @Post('/token-depends')
  tokenDepends(@Depends(OAuth2PasswordRequestForm) form: OAuth2PasswordRequestForm) {
    return { username: form.username, scopes: form.scopes };
  }
}

@Module({ controllers: [ScopesController] })
class ScopesModule {}

const app = await bootstrap(ScopesModule, { logStartup: false, handleSignals: false });
const client = new TestClient(app);
const auth = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

test('SecurityScopes lists the scopes required along the chain, outermost first', async () => {
  assert.deepEqual((await client.get('/me', auth('anna:me'))).json(), { user: 'anna', required: ['me'], scopeStr: 'me' });
  assert.deepEqual((await client.get('/items', auth('anna:me,items'))).json(), { user: 'anna', required: ['items', 'me'], scopeStr: 'items me' });
});

test('SecurityScopes.require answers 403 insufficient_scope naming the required scopes', async () => {
  const res = await client.get('/items', auth('anna:me'));
  assert.equal(res.status, 403);
  assert.deepEqual(res.json(), { detail: 'Not enough permissions: missing scope items' });
  assert.equal(res.headers['www-authenticate'], 'Bearer error="insufficient_scope", error_description="The token lacks a required scope", scope="items me"');
});

test('a dependency is shared within a request only where the same scopes are required', async () => {
  decodes = 0;
  const res = await client.get('/twice', auth('anna:items'));
  assert.equal(res.status, 200);
  const body = res.json<{ plain: { required: string[] }; same: boolean; scoped: { required: string[] } }>();
  assert.equal(body.same, true);
  assert.deepEqual(body.plain.required, []);
  assert.deepEqual(body.scoped.required, ['items']);
  assert.equal(decodes, 2);
});

test('SecurityScopes injected outside any Security chain is empty', async () => {
  assert.deepEqual((await client.get('/no-scopes')).json(), { scopes: [], scopeStr: '' });
});

test('the security route option takes Security(scheme, scopes) entries', async () => {
  const refused = await client.get('/route-security');
  assert.equal(refused.status, 401);
  assert.equal(refused.headers['www-authenticate'], 'Bearer');
  assert.equal((await client.get('/route-security', auth('x'))).status, 200);
});

test('OAuth2PasswordRequestForm reads the form, splitting scope on spaces', async () => {
  const res = await client.post('/token', {
    form: { grant_type: 'password', username: 'anna', password: 'p w', scope: 'me  items', client_id: 'docs', client_secret: 'cs' },
  });
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), {
    grantType: 'password',
    username: 'anna',
    password: 'p w',
    scope: 'me  items',
    scopes: ['me', 'items'],
    clientId: 'docs',
    clientSecret: 'cs',
  });
  assert.deepEqual((await client.post('/token-depends', { form: { username: 'bo', password: 'x' } })).json(), { username: 'bo', scopes: [] });
});

test('OAuth2PasswordRequestForm: missing fields are 422 without echoing the password; another grant_type is 400', async () => {
  const missing = await client.post('/token', { form: { password: 'hunter2-secret' } });
  assert.equal(missing.status, 422);
  assert.deepEqual(missing.json(), { detail: [{ type: 'missing', loc: ['body', 'username'], msg: 'Field required', input: null }] });
  assert.doesNotMatch(missing.text, /hunter2/);
  const grant = await client.post('/token', { form: { grant_type: 'client_credentials', username: 'a', password: 'b' } });
  assert.equal(grant.status, 400);
  assert.deepEqual(grant.json(), { detail: { error: 'unsupported_grant_type', error_description: 'grant_type must be "password"' } });
});

test('a scheme can be replaced in tests through dependencyOverrides', async () => {
  const local = await bootstrap(ScopesModule, { logStartup: false, handleSignals: false });
  local.dependencyOverrides.set(oauth2, () => 'test-user:me');
  const res = await new TestClient(local).get('/me');
  assert.deepEqual(res.json(), { user: 'test-user', required: ['me'], scopeStr: 'me' });
});

test('a security option listing something else than a scheme is refused at bootstrap', () => {
  const app = createApp({ logStartup: false });
  assert.throws(() => app.get('/x', () => 'x', { security: [() => true] }), (err: Error) => err instanceof BootstrapError && /GET \/x: security lists an anonymous function, which is not a security scheme/.test(err.message));
  assert.throws(() => app.get('/y', () => 'y', { security: ['bearer'] }), /security lists bearer, which is not a security scheme/);
  assert.throws(() => app.websocket('/ws', () => undefined, { security: [{ type: 'http' }] }), /WEBSOCKET \/ws: security lists an object/);
  app.get('/z', () => 'z', { security: [new HTTPBearer()] });
});
