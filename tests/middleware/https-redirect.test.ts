import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createApp, httpsRedirect, TestClient } from 'zigmund';

function client(trustProxy: boolean): TestClient {
  const app = createApp({ logStartup: false, trustProxy });
  app.post('/items', () => ({ created: true }));
  app.use(httpsRedirect());
  return new TestClient(app);
}

test('httpsRedirect() answers 308 to the https URL, path, query and port kept', async () => {
  const res = await client(false).post('/items?a=1', { headers: { host: 'shop.example:8080' } });
  assert.equal(res.status, 308);
  assert.equal(res.headers.location, 'https://shop.example:8080/items?a=1');
  const port80 = await client(false).post('/items', { headers: { host: 'shop.example:80' } });
  assert.equal(port80.headers.location, 'https://shop.example/items');
});

test('X-Forwarded-Proto: https is believed only with trustProxy', async () => {
  const headers = { host: 'shop.example', 'x-forwarded-proto': 'https' };
  const untrusted = await client(false).post('/items', { headers });
  assert.equal(untrusted.status, 308);
  assert.equal(untrusted.headers.location, 'https://shop.example/items');
  const trusted = await client(true).post('/items', { headers });
  assert.equal(trusted.status, 200);
  assert.deepEqual(trusted.json(), { created: true });
  const proxiedPlain = await client(true).post('/items', { headers: { host: 'shop.example', 'x-forwarded-proto': 'http' } });
  assert.equal(proxiedPlain.status, 308);
});
