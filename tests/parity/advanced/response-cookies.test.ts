import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/advanced/response-cookies.js';

for (const path of ['/cookie/', '/cookie-and-object/']) {
  test(`advanced/response-cookies: POST ${path} sets the fakesession cookie`, async () => {
    const client = new TestClient(app);
    const res = await client.post(path);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.json(), { message: 'Come to the dark side, we have cookies' });
    assert.match(String(res.headers['set-cookie']), /^fakesession=fake-cookie-session-value(;|$)/);
    assert.equal(client.cookies.get('fakesession'), 'fake-cookie-session-value');
  });
}
