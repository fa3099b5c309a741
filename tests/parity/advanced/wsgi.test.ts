import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { app } from '../../../samples/parity/advanced/wsgi.js';

// Over a socket: Express replaces the response object the in-process client reads (docs/mounting.md).
let base: string;
before(async () => {
  base = await app.serve({ port: 0 });
});
after(() => app.close());

test('advanced/wsgi: the mounted Express app answers under /v1', async () => {
  const res = await fetch(`${base}/v1/`);
  assert.equal(res.status, 200);
  assert.equal(await res.text(), 'Hello, World from Express!');
  const named = await fetch(`${base}/v1/?name=%3Cscript%3E`);
  assert.equal(await named.text(), 'Hello, &#60;script&#62; from Express!');
});

test('advanced/wsgi: the app\'s own route', async () => {
  const res = await fetch(`${base}/v2`);
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { message: 'Hello World' });
});
