import 'reflect-metadata';
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createApp, HttpException, Response, securityHeaders } from 'zigmund';

// Starlette's rule: the outer app's middleware wraps what it mounts.
const seen: string[] = [];
const inner = createApp({ logStartup: false });
inner.get('/items/:id', (req) => ({ id: req.params.id }));
inner.use(async (req, next) => {
  seen.push(`inner ${req.path}`);
  return (await next()).setHeader('x-inner', 'yes');
});
const legacy = (req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'text/plain', 'x-frame-options': 'DENY' });
  res.end(`legacy ${req.url}`);
};

const outer = createApp({ logStartup: false });
outer.get('/own', () => 'own');
outer.mount('/v2', inner);
outer.mount('/legacy', legacy);
outer.use(securityHeaders());
outer.use(async (req, next) => {
  seen.push(`outer ${req.path}`);
  if (req.headers['x-block'] === 'yes') return Response.json({ detail: 'blocked by the outer app' }, 403);
  if (req.headers['x-fail'] === 'yes') throw new HttpException(418, 'outer middleware failed');
  return (await next()).setHeader('x-outer', 'yes');
});
const base = await outer.serve({ port: 0 });
after(() => outer.close());

test("the outer app's middleware runs around a mounted Zigmund app, outside the mounted app's own", async () => {
  seen.length = 0;
  const res = await fetch(`${base}/v2/items/7`);
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { id: '7' });
  assert.equal(res.headers.get('x-outer'), 'yes');
  assert.equal(res.headers.get('x-inner'), 'yes');
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff', 'securityHeaders() of the outer app');
  assert.deepEqual(seen, ['outer /v2/items/7', 'inner /v2/items/7']);
});

test('an outer middleware may answer for the mounted app, which then does not run', async () => {
  seen.length = 0;
  const res = await fetch(`${base}/v2/items/7`, { headers: { 'x-block': 'yes' } });
  assert.equal(res.status, 403);
  assert.deepEqual(await res.json(), { detail: 'blocked by the outer app' });
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  assert.deepEqual(seen, ['outer /v2/items/7']);
  const failed = await fetch(`${base}/v2/items/7`, { headers: { 'x-fail': 'yes' } });
  assert.equal(failed.status, 418);
  assert.deepEqual(await failed.json(), { detail: 'outer middleware failed' });
});

test("a mounted Node handler is wrapped too; a header it sets itself wins over the outer app's", async () => {
  const res = await fetch(`${base}/legacy/page?x=1`);
  assert.equal(res.status, 200);
  assert.equal(await res.text(), 'legacy /page?x=1');
  assert.equal(res.headers.get('x-outer'), 'yes');
  assert.equal(res.headers.get('x-frame-options'), 'DENY');
  assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
  assert.equal((await fetch(`${base}/legacy/page`, { headers: { 'x-block': 'yes' } })).status, 403);
});

test("the outer app's own routes and 404s keep their middleware", async () => {
  const own = await fetch(`${base}/own`);
  assert.equal(own.headers.get('x-outer'), 'yes');
  const missing = await fetch(`${base}/v2/nothing`);
  assert.equal(missing.status, 404);
  assert.equal(missing.headers.get('x-outer'), 'yes');
});
