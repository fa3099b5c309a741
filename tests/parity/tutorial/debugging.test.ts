import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/tutorial/debugging.js';
import { freePort, spawnNode, waitForServer } from '../process.js';

const script = fileURLToPath(new URL('../../../samples/parity/tutorial/debugging.js', import.meta.url));

test('tutorial/debugging: importing the module does not start a server', () => {
  assert.equal(app.server.listening, false);
});

test('tutorial/debugging: GET / answers the computed value', async () => {
  const res = await new TestClient(app).get('/');
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { 'hello world': 'ba' });
});

test('tutorial/debugging: run directly under the inspector, the file serves itself until SIGTERM', async () => {
  const port = await freePort();
  const child = spawnNode(['--inspect=127.0.0.1:0', script], { PORT: String(port) });
  const url = `http://127.0.0.1:${port}`;
  await waitForServer(`${url}/openapi.json`, child);
  const res = await fetch(`${url}/`);
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { 'hello world': 'ba' });
  assert.match(child.output(), /Debugger listening on ws:\/\/127\.0\.0\.1:\d+\//);
  assert.match(child.output(), new RegExp(`Zigmund serving app on http://0\\.0\\.0\\.0:${port}`));
  child.process.kill('SIGTERM');
  assert.deepEqual(await child.exited, { code: 0, signal: null });
});

test('tutorial/debugging: OpenAPI documents the one route', async () => {
  const doc = (await new TestClient(app).get('/openapi.json')).json<{ paths: Record<string, { get: { summary: string; responses: unknown } }> }>();
  assert.deepEqual(Object.keys(doc.paths), ['/']);
  assert.equal(doc.paths['/']!.get.summary, 'Root');
  assert.deepEqual(doc.paths['/']!.get.responses, { '200': { description: 'Successful Response', content: { 'application/json': { schema: {} } } } });
});
