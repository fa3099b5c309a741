import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  APIKeyCookie,
  APIKeyHeader,
  APIKeyQuery,
  Controller,
  Depends,
  Get,
  HTTPBasic,
  HTTPBearer,
  HttpException,
  Module,
  OAuth2ClientCredentials,
  OAuth2PasswordBearer,
  OpenIdConnect,
  Security,
  bootstrap,
  compareDigest,
  dependency,
  type HTTPAuthorizationCredentials,
  type HTTPBasicCredentials,
} from 'zigmund';
import { basic, call, serveForFile } from './support.js';

const headerKey = new APIKeyHeader({ name: 'X-API-Key' });
const queryKey = new APIKeyQuery({ name: 'api_key' });
const cookieKey = new APIKeyCookie({ name: 'session' });
const basicAuth = new HTTPBasic({ realm: 'admin area' });
const bearer = new HTTPBearer({ bearerFormat: 'opaque' });
const password = new OAuth2PasswordBearer({ tokenUrl: '/token' });
const clientCredentials = new OAuth2ClientCredentials({ tokenUrl: '/oauth/token' });
const oidc = new OpenIdConnect({ openIdConnectUrl: 'https://id.example/.well-known/openid-configuration' });
const optionalBearer = new HTTPBearer({ autoError: false, schemeName: 'OptionalBearer' });

const SECRET_KEY = 'k-3f9a2c';
const checkedKey = dependency([Security(headerKey)], (key: string) => {
  if (!compareDigest(key, SECRET_KEY)) throw new HttpException(401, 'Invalid API key', { 'www-authenticate': 'APIKey' });
  return 'service-a';
});
const admin = dependency([Security(basicAuth)], (credentials: HTTPBasicCredentials) => {
  const userOk = compareDigest(credentials.username, 'admin');
  const passwordOk = compareDigest(credentials.password, 's3cret:with:colons');
  if (!(userOk && passwordOk)) throw new HttpException(401, 'Incorrect username or password', { 'www-authenticate': 'Basic realm="admin area"' });
  return credentials.username;
});

@Controller()
class SchemesController {
  @Get('/header')
  header(@Security(headerKey) key: string) {
    return { key };
  }

  @Get('/query')
  query(@Depends(queryKey) key: string) {
    return { key };
  }

  @Get('/cookie')
  cookie(@Security(cookieKey) key: string) {
    return { key };
  }

  @Get('/service')
  service(@Depends(checkedKey) service: string) {
    return { service };
  }

  @Get('/basic')
  basic(@Security(basicAuth) credentials: HTTPBasicCredentials) {
    return credentials;
  }

  @Get('/admin')
  admin(@Depends(admin) user: string) {
    return { user };
  }

  @Get('/bearer')
  bearer(@Security(bearer) credentials: HTTPAuthorizationCredentials) {
    return credentials;
  }

  @Get('/password')
  password(@Security(password) token: string) {
    return { token };
  }

  @Get('/client')
  client(@Security(clientCredentials) token: string) {
    return { token };
  }

  @Get('/oidc')
  oidc(@Security(oidc) token: string) {
    return { token };
  }

  @Get('/optional')
  optional(@Security(optionalBearer) credentials: HTTPAuthorizationCredentials | undefined) {
    return { user: credentials ? credentials.credentials : null };
  }

  @Get('/guarded', { security: [headerKey] })
  guarded() {
    return { ok: true };
  }
}

@Module({ controllers: [SchemesController] })
class SchemesModule {}

const url = await serveForFile(await bootstrap(SchemesModule, { logStartup: false, handleSignals: false }));

test('API keys are read from their header, query parameter and cookie', async () => {
  assert.deepEqual((await call(`${url}/header`, { headers: { 'x-api-key': 'abc' } })).body, { key: 'abc' });
  assert.deepEqual((await call(`${url}/query?api_key=abc`)).body, { key: 'abc' });
  assert.deepEqual((await call(`${url}/cookie`, { headers: { cookie: 'session=abc; other=1' } })).body, { key: 'abc' });
});

test('a missing API key is 401 "Not authenticated" with an APIKey challenge', async () => {
  for (const [path, init] of [
    ['/header', {}],
    ['/header', { headers: { 'x-api-key': '' } }],
    ['/query', {}],
    ['/query?api_key=', {}],
    ['/cookie', { headers: { cookie: 'other=abc' } }],
  ] as const) {
    const res = await call(`${url}${path}`, init);
    assert.equal(res.status, 401, path);
    assert.deepEqual(res.body, { detail: 'Not authenticated' });
    assert.equal(res.headers.get('www-authenticate'), 'APIKey');
  }
});

test('a wrong API key is refused by the app dependency comparing in constant time', async () => {
  assert.deepEqual((await call(`${url}/service`, { headers: { 'x-api-key': SECRET_KEY } })).body, { service: 'service-a' });
  const wrong = await call(`${url}/service`, { headers: { 'x-api-key': 'k-3f9a2d' } });
  assert.equal(wrong.status, 401);
  assert.deepEqual(wrong.body, { detail: 'Invalid API key' });
  assert.doesNotMatch(wrong.text, /k-3f9a2d/);
});

test('HTTP Basic gives the user name and the password, which may contain colons', async () => {
  const res = await call(`${url}/basic`, { headers: { authorization: basic('anna', 'pa:ss wörd') } });
  assert.equal(res.status, 200);
  assert.deepEqual(res.body, { username: 'anna', password: 'pa:ss wörd' });
  assert.deepEqual((await call(`${url}/admin`, { headers: { authorization: basic('admin', 's3cret:with:colons') } })).body, { user: 'admin' });
});

test('HTTP Basic without credentials is 401 with a Basic realm challenge', async () => {
  for (const authorization of [undefined, 'Bearer abc', 'Basic', 'Basic ']) {
    const res = await call(`${url}/basic`, { headers: authorization === undefined ? {} : { authorization } });
    assert.equal(res.status, 401, String(authorization));
    assert.deepEqual(res.body, { detail: 'Not authenticated' });
    assert.equal(res.headers.get('www-authenticate'), 'Basic realm="admin area", charset="UTF-8"');
  }
});

test('malformed HTTP Basic credentials are 401 "Invalid authentication credentials", never echoed', async () => {
  const noColon = Buffer.from('annapassword').toString('base64');
  const notUtf8 = Buffer.from([0x61, 0x3a, 0xff, 0xfe]).toString('base64');
  for (const param of ['!!!not-base64!!!', noColon, notUtf8, 'YWJj']) {
    const res = await call(`${url}/basic`, { headers: { authorization: `Basic ${param}` } });
    assert.equal(res.status, 401, param);
    assert.deepEqual(res.body, { detail: 'Invalid authentication credentials' });
    assert.match(res.headers.get('www-authenticate') ?? '', /^Basic realm=/);
  }
});

test('wrong HTTP Basic credentials are refused without echoing the password', async () => {
  const res = await call(`${url}/admin`, { headers: { authorization: basic('admin', 'guess-123') } });
  assert.equal(res.status, 401);
  assert.deepEqual(res.body, { detail: 'Incorrect username or password' });
  assert.doesNotMatch(res.text, /guess-123/);
});

test('bearer schemes give the token; the Bearer scheme name is case-insensitive', async () => {
  assert.deepEqual((await call(`${url}/bearer`, { headers: { authorization: 'Bearer tok-1' } })).body, { scheme: 'Bearer', credentials: 'tok-1' });
  assert.deepEqual((await call(`${url}/password`, { headers: { authorization: 'bearer tok-2' } })).body, { token: 'tok-2' });
  assert.deepEqual((await call(`${url}/client`, { headers: { authorization: 'BEARER tok-3' } })).body, { token: 'tok-3' });
  assert.deepEqual((await call(`${url}/oidc`, { headers: { authorization: 'Bearer tok-4' } })).body, { token: 'tok-4' });
});

test('a missing or non-Bearer Authorization is 401 with a Bearer challenge on every bearer scheme', async () => {
  for (const path of ['/bearer', '/password', '/client', '/oidc']) {
    for (const authorization of [undefined, 'Basic YTpi', 'Bearer', 'Bearer ', 'tok-1']) {
      const res = await call(`${url}${path}`, { headers: authorization === undefined ? {} : { authorization } });
      assert.equal(res.status, 401, `${path} ${authorization}`);
      assert.deepEqual(res.body, { detail: 'Not authenticated' });
      assert.equal(res.headers.get('www-authenticate'), 'Bearer');
    }
  }
});

test('on HTTP routes a bearer token in the query is not read: only WebSocket upgrades accept ?token=', async () => {
  const res = await call(`${url}/bearer?token=tok-1`);
  assert.equal(res.status, 401);
});

test('autoError: false gives undefined instead of refusing', async () => {
  assert.deepEqual((await call(`${url}/optional`)).body, { user: null });
  assert.deepEqual((await call(`${url}/optional`, { headers: { authorization: 'Basic YTpi' } })).body, { user: null });
  assert.deepEqual((await call(`${url}/optional`, { headers: { authorization: 'Bearer tok-9' } })).body, { user: 'tok-9' });
});

test('the security route option runs the scheme before the handler', async () => {
  const refused = await call(`${url}/guarded`);
  assert.equal(refused.status, 401);
  assert.equal(refused.headers.get('www-authenticate'), 'APIKey');
  assert.deepEqual((await call(`${url}/guarded`, { headers: { 'x-api-key': 'abc' } })).body, { ok: true });
});

test('compareDigest compares strings and bytes of any length', () => {
  assert.equal(compareDigest('abc', 'abc'), true);
  assert.equal(compareDigest('abc', 'abd'), false);
  assert.equal(compareDigest('abc', 'abcd'), false);
  assert.equal(compareDigest('', ''), true);
  assert.equal(compareDigest(Buffer.from('xyz'), 'xyz'), true);
});

test('schemes refuse to be built without their required option', () => {
  assert.throws(() => new APIKeyHeader({ name: '' }), /APIKeyHeader needs a name/);
  assert.throws(() => new OAuth2PasswordBearer({ tokenUrl: '' }), /tokenUrl/);
  assert.throws(() => new OpenIdConnect({ openIdConnectUrl: '' }), /openIdConnectUrl/);
});
