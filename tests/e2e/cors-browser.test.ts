import 'reflect-metadata';
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { cors, createApp, Response } from 'zigmund';
import { guardLocalOnly, launchBrowser } from '../support/browser.js';

// The page's origin: another port of 127.0.0.1 is another origin (but the same site, so the
// SameSite=Lax session cookie travels with credentials: 'include').
const pageServer = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end('<!doctype html><title>front-end</title><p>front-end</p>');
});
pageServer.listen(0, '127.0.0.1');
await once(pageServer, 'listening');
const pageOrigin = `http://127.0.0.1:${(pageServer.address() as AddressInfo).port}`;

const api = createApp({ logStartup: false });
api.get('/login', () => Response.json({ ok: true }).setCookie('sid', 'abc123', { sameSite: 'lax', httpOnly: true }));
api.post('/me', async (req) => ({ sid: req.cookies.sid ?? null, sent: await req.json() }), {});
api.use(cors({ allowOrigins: [pageOrigin], allowMethods: ['GET', 'POST'], allowHeaders: ['x-client'], allowCredentials: true, exposeHeaders: ['x-request-id'] }));
api.use(async (_req, next) => (await next()).setHeader('x-request-id', 'r-1'));
const apiUrl = await api.serve({ port: 0 });

const browser = await launchBrowser();
after(async () => {
  await browser.close();
  await api.close();
  pageServer.close();
});

test('a page on another origin calls the API with credentials: include and reads the answer, the cookie and an exposed header', async () => {
  const page = await browser.newPage();
  const foreign: string[] = [];
  await guardLocalOnly(page, (u) => foreign.push(u));
  await page.goto(`${pageOrigin}/`);
  const result = await page.evaluate(async (base) => {
    const login = await fetch(`${base}/login`, { credentials: 'include' });
    // A JSON body and a custom header make this a non-simple request: the browser preflights it.
    const me = await fetch(`${base}/me`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json', 'x-client': 'page' },
      body: JSON.stringify({ hello: 'api' }),
    });
    return { login: login.status, status: me.status, body: await me.json(), requestId: me.headers.get('x-request-id') };
  }, apiUrl);
  assert.deepEqual(result, { login: 200, status: 200, body: { sid: 'abc123', sent: { hello: 'api' } }, requestId: 'r-1' });
  assert.deepEqual(foreign, []);
  await page.close();
});

test('a page on an origin the API does not allow cannot read the answer', async () => {
  const page = await browser.newPage();
  // localhost is another origin than 127.0.0.1 for the browser, and not in allowOrigins.
  await page.goto(`${pageOrigin.replace('127.0.0.1', 'localhost')}/`);
  const outcome = await page.evaluate(async (base) => {
    try {
      await fetch(`${base}/me`, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: '{}' });
      return 'read';
    } catch (err) {
      return (err as Error).name;
    }
  }, apiUrl);
  assert.equal(outcome, 'TypeError');
  await page.close();
});
