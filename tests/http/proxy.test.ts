import 'reflect-metadata';
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { BootstrapError, createApp, type Request } from 'zigmund';

const whoami = (req: Request) => ({ url: req.url, path: req.path, fullUrl: req.fullUrl, baseUrl: req.baseUrl, ip: req.ip, rootPath: req.rootPath });

const trusting = createApp({ logStartup: false, handleSignals: false, trustProxy: true });
trusting.get('/items/:id', whoami, { name: 'item' });
trusting.get('/link', (req: Request) => ({ link: req.urlFor('item', { id: 9 }) }));
const trustingUrl = await trusting.serve({ port: 0 });

const oneHop = createApp({ logStartup: false, handleSignals: false, trustProxy: 1 });
oneHop.get('/who', whoami);
const oneHopUrl = await oneHop.serve({ port: 0 });

const direct = createApp({ logStartup: false, handleSignals: false });
direct.get('/items/:id', whoami);
const directUrl = await direct.serve({ port: 0 });

const prefixed = createApp({ logStartup: false, handleSignals: false, rootPath: '/api/', title: 'Behind a proxy' });
prefixed.get('/items/:id', whoami, { name: 'item' });
prefixed.get('/link', (req: Request) => ({ link: req.urlFor('item', { id: 9 }) }));
const prefixedUrl = await prefixed.serve({ port: 0 });

after(() => Promise.all([trusting.close(), oneHop.close(), direct.close(), prefixed.close()]));

const FORWARDED = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'shop.example', 'x-forwarded-for': '203.0.113.7, 10.0.0.2' };

test('with trustProxy, X-Forwarded-Proto/-Host/-For shape fullUrl and ip; req.url stays the request target', async () => {
  const res = await fetch(`${trustingUrl}/items/3?full=1`, { headers: FORWARDED });
  assert.deepEqual(await res.json(), {
    url: '/items/3?full=1',
    path: '/items/3',
    fullUrl: 'https://shop.example/items/3?full=1',
    baseUrl: 'https://shop.example',
    ip: '203.0.113.7',
    rootPath: '',
  });
});

test('without trustProxy the forwarded headers are ignored', async () => {
  const res = await fetch(`${directUrl}/items/3`, { headers: FORWARDED });
  const body = (await res.json()) as { fullUrl: string; ip: string };
  assert.equal(body.fullUrl, `${directUrl}/items/3`);
  assert.equal(body.ip, '127.0.0.1');
});

test('trustProxy: 1 believes only the entry the nearest proxy added', async () => {
  const res = await fetch(`${oneHopUrl}/who`, { headers: { 'x-forwarded-for': '6.6.6.6, 198.51.100.4' } });
  assert.equal(((await res.json()) as { ip: string }).ip, '198.51.100.4');
  const none = await fetch(`${oneHopUrl}/who`);
  assert.equal(((await none.json()) as { ip: string }).ip, '127.0.0.1');
});

test('forwarded values that are not a scheme or a host are ignored', async () => {
  const res = await fetch(`${trustingUrl}/items/1`, { headers: { 'x-forwarded-proto': 'javascript', 'x-forwarded-host': 'evil.example/path?x' } });
  const body = (await res.json()) as { fullUrl: string };
  assert.equal(body.fullUrl, `${trustingUrl}/items/1`);
});

test('rootPath: routes answer with or without the prefix in the target, and URLs carry it once', async () => {
  const stripped = (await (await fetch(`${prefixedUrl}/items/5`)).json()) as Record<string, string>;
  assert.equal(stripped.fullUrl, `${prefixedUrl}/api/items/5`);
  assert.equal(stripped.rootPath, '/api');
  assert.equal(stripped.url, '/items/5');
  const kept = (await (await fetch(`${prefixedUrl}/api/items/5`)).json()) as Record<string, string>;
  assert.equal(kept.fullUrl, `${prefixedUrl}/api/items/5`);
  assert.equal(kept.url, '/api/items/5');
  assert.equal((await fetch(`${prefixedUrl}/apix/items/5`)).status, 404);
});

test('rootPath: the docs load the document through it, and the document lists it as its server', async () => {
  const doc = (await (await fetch(`${prefixedUrl}/openapi.json`)).json()) as { servers: { url: string }[] };
  assert.deepEqual(doc.servers, [{ url: '/api' }]);
  const page = await (await fetch(`${prefixedUrl}/docs`)).text();
  assert.match(page, /<script src="\/api\/docs\/swagger-init\.js">/);
  assert.match(await (await fetch(`${prefixedUrl}/docs/swagger-init.js`)).text(), /"url":"\/api\/openapi\.json"/);
  assert.match(page, /\/api\/docs\/assets\/swagger-ui@/);
});

test('req.urlFor honours trustProxy and rootPath', async () => {
  const forwarded = await fetch(`${trustingUrl}/link`, { headers: FORWARDED });
  assert.deepEqual(await forwarded.json(), { link: 'https://shop.example/items/9' });
  const prefixedLink = await fetch(`${prefixedUrl}/link`);
  assert.deepEqual(await prefixedLink.json(), { link: `${prefixedUrl}/api/items/9` });
  const kept = await fetch(`${prefixedUrl}/api/link`);
  assert.deepEqual(await kept.json(), { link: `${prefixedUrl}/api/items/9` });
});

test('rootPath and trustProxy are checked at creation', () => {
  assert.throws(() => createApp({ rootPath: '/api/:version' }), BootstrapError);
  assert.throws(() => createApp({ trustProxy: -1 }), BootstrapError);
  assert.throws(() => createApp({ trustProxy: 'yes' as never }), BootstrapError);
});
