import 'reflect-metadata';
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import express from 'express';
import { WebSocket } from 'ws';
import { BootstrapError, createApp, HttpException, type Arena, type Connection, type Request } from 'zigmund';
import { TestClient } from 'zigmund/testing';

const shutdowns: string[] = [];

const v2 = createApp({ title: 'Version two', version: '2.0', onShutdown: () => void shutdowns.push('v2') });
v2.get('/items/:id', (req: Request) => ({ id: req.params.id, path: req.path, fullUrl: req.fullUrl, rootPath: req.rootPath }));
v2.get('/', () => ({ home: 'v2' }));
v2.post('/echo', async (req: Request) => ({ got: await req.json() }));
v2.get('/missing', () => {
  throw new HttpException(418, 'teapot');
});
v2.websocket('/ws', async (conn: Connection, req: Request, _arena: Arena) => {
  await conn.sendText(`hello from v2 at ${req.path}`);
});

const legacy = express();
legacy.use(express.json());
legacy.get('/hello', (req, res) => {
  res.json({ from: 'express', url: req.url, originalUrl: req.originalUrl, baseUrl: req.baseUrl });
});
legacy.post('/echo', (req, res) => {
  res.status(201).json({ echoed: req.body as unknown });
});
legacy.get('/boom', () => {
  throw new Error('express route failed');
});

const app = createApp({ title: 'Main', logStartup: false, handleSignals: false });
app.get('/v2/health', () => ({ main: 'health' }));
app.mount('/v2', v2);
app.mount('/legacy/', legacy);
app.mount('/plain', (req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end(`plain saw ${req.method} ${req.url}`);
});
app.mount('/throws', () => {
  throw new Error('synchronous failure');
});
app.mount('/rejects', async () => {
  throw new Error('asynchronous failure');
});
const url = await app.serve({ port: 0 });
after(() => app.close());

test('a mounted Zigmund app serves its routes under the prefix', async () => {
  const res = await fetch(`${url}/v2/items/7?full=1`);
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { id: '7', path: '/v2/items/7', fullUrl: `${url}/v2/items/7?full=1`, rootPath: '/v2' });
  assert.deepEqual(await (await fetch(`${url}/v2`)).json(), { home: 'v2' });
  assert.deepEqual(await (await fetch(`${url}/v2/`)).json(), { home: 'v2' });
  const posted = await fetch(`${url}/v2/echo`, { method: 'POST', body: '{"a":1}', headers: { 'content-type': 'application/json' } });
  assert.deepEqual(await posted.json(), { got: { a: 1 } });
});

test("the mounted app's own 404s and errors answer as it would alone", async () => {
  const missing = await fetch(`${url}/v2/nothing-here`);
  assert.equal(missing.status, 404);
  assert.deepEqual(await missing.json(), { detail: 'Not Found' });
  const teapot = await fetch(`${url}/v2/missing`);
  assert.equal(teapot.status, 418);
  const wrongMethod = await fetch(`${url}/v2/items/1`, { method: 'DELETE' });
  assert.equal(wrongMethod.status, 405);
});

test("the parent's own route under the prefix wins; a look-alike prefix is not the mount", async () => {
  assert.deepEqual(await (await fetch(`${url}/v2/health`)).json(), { main: 'health' });
  assert.equal((await fetch(`${url}/v2x/items/1`)).status, 404);
});

test('a mounted app has its own /docs and /openapi.json under the prefix, listing the prefix as its server', async () => {
  const doc = (await (await fetch(`${url}/v2/openapi.json`)).json()) as { info: { title: string }; servers: { url: string }[]; paths: Record<string, unknown> };
  assert.equal(doc.info.title, 'Version two');
  assert.deepEqual(doc.servers, [{ url: '/v2' }]);
  assert.ok(doc.paths['/items/{id}']);
  assert.equal(doc.paths['/v2/health'], undefined);
  const page = await (await fetch(`${url}/v2/docs`)).text();
  assert.match(page, /<script src="\/v2\/docs\/swagger-init\.js">/);
  assert.match(await (await fetch(`${url}/v2/docs/swagger-init.js`)).text(), /"url":"\/v2\/openapi\.json"/);
  assert.match(page, /\/v2\/docs\/assets\/swagger-ui@/);
  const asset = page.match(/\/v2\/docs\/assets\/swagger-ui@[^"]+\/swagger-ui-bundle\.js/)![0];
  assert.equal((await fetch(url + asset)).status, 200);
  const redoc = await (await fetch(`${url}/v2/redoc`)).text();
  assert.match(redoc, /\/v2\/openapi\.json/);
  const main = (await (await fetch(`${url}/openapi.json`)).json()) as { servers?: unknown; paths: Record<string, unknown> };
  assert.equal(main.servers, undefined);
  assert.equal(main.paths['/items/{id}'], undefined, "the mounted app's routes stay out of the parent's document");
});

test("a mounted app's WebSocket routes open through the prefix", async () => {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/v2/ws`);
  const text = await new Promise<string>((resolve, reject) => {
    ws.once('message', (data) => resolve(String(data)));
    ws.once('error', reject);
  });
  assert.equal(text, 'hello from v2 at /v2/ws');
  ws.close();
});

test('an Express app mounted: it sees the path below the prefix, originalUrl keeps the target', async () => {
  const res = await fetch(`${url}/legacy/hello?x=1`);
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { from: 'express', url: '/hello?x=1', originalUrl: '/legacy/hello?x=1', baseUrl: '' });
  const posted = await fetch(`${url}/legacy/echo`, { method: 'POST', body: '{"n":2}', headers: { 'content-type': 'application/json' } });
  assert.equal(posted.status, 201);
  assert.deepEqual(await posted.json(), { echoed: { n: 2 } });
});

test("what Express leaves unanswered is Zigmund's 404; what fails in it is a 500", async () => {
  const missing = await fetch(`${url}/legacy/nothing`);
  assert.equal(missing.status, 404);
  assert.deepEqual(await missing.json(), { detail: 'Not Found' });
  const boom = await fetch(`${url}/legacy/boom`);
  assert.equal(boom.status, 500);
  await boom.arrayBuffer();
});

test('a plain (req, res) function mounted sees any method; its failures are 500s', async () => {
  const res = await fetch(`${url}/plain/a/b?c=d`, { method: 'PATCH' });
  assert.equal(await res.text(), 'plain saw PATCH /a/b?c=d');
  const propfind = await new Promise<number>((resolve, reject) => {
    import('node:http')
      .then(({ request }) => {
        const req = request(`${url}/plain/x`, { method: 'PROPFIND' }, (r) => {
          r.resume();
          resolve(r.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      })
      .catch(reject);
  });
  assert.equal(propfind, 200);
  assert.equal((await fetch(`${url}/throws/x`)).status, 500);
  assert.equal((await fetch(`${url}/rejects/x`)).status, 500);
});

test('closing the parent closes the mounted apps (their shutdown hooks run)', async () => {
  const parent = createApp({ logStartup: false, handleSignals: false });
  const child = createApp({ onShutdown: () => void shutdowns.push('child') });
  parent.mount('/child', child);
  await parent.serve({ port: 0 });
  await parent.close();
  assert.ok(shutdowns.includes('child'));
});

test('mount refuses prefixes with parameters, a second mount at the same prefix, and itself', () => {
  const parent = createApp();
  assert.throws(() => parent.mount('/items/:id', createApp()), BootstrapError);
  assert.throws(() => parent.mount('/*', createApp()), BootstrapError);
  parent.mount('/a', createApp());
  assert.throws(() => parent.mount('/a/', createApp()), /mounted twice/);
  assert.throws(() => parent.mount('/self', parent), BootstrapError);
  assert.throws(() => parent.mount('/x', {} as never), BootstrapError);
});

test('the TestClient reaches mounted apps and handlers too', async () => {
  const client = new TestClient(app);
  const res = await client.get('/v2/items/3');
  assert.deepEqual(res.json(), { id: '3', path: '/v2/items/3', fullUrl: 'http://localhost:80/v2/items/3', rootPath: '/v2' });
  assert.equal((await client.get('/plain/q')).text, 'plain saw GET /q');
});

// Express swaps the prototype of the request and response it is given; the TestClient's own
// classes must survive that (body, status, JSON parsing of the request by express.json()).
test('the TestClient reaches a mounted Express app: bodies both ways, 404 and 500', async () => {
  const client = new TestClient(app);
  const res = await client.get('/legacy/hello?x=1');
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { from: 'express', url: '/hello?x=1', originalUrl: '/legacy/hello?x=1', baseUrl: '' });
  const posted = await client.post('/legacy/echo', { json: { n: 2 } });
  assert.equal(posted.status, 201);
  assert.deepEqual(posted.json(), { echoed: { n: 2 } });
  assert.deepEqual((await client.get('/legacy/nothing')).json(), { detail: 'Not Found' });
  assert.equal((await client.get('/legacy/boom')).status, 500);
  // The same Express app still answers on a real socket afterwards.
  assert.equal((await fetch(`${url}/legacy/hello`)).status, 200);
});
