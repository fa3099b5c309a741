import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient, WebSocketDenied } from 'zigmund/testing';
import { app, html } from '../../../samples/parity/advanced/websockets.js';

const client = new TestClient(app);

test('advanced/websockets: the page', async () => {
  const res = await client.get('/');
  assert.equal(res.status, 200);
  assert.equal(res.text, html);
  assert.ok(res.text.includes('<!DOCTYPE html>'));
});

test('advanced/websockets: echo', async () => {
  const conn = await client.websocketConnect('/ws');
  for (const message of ['Message one', 'Message two']) {
    await conn.sendText(message);
    assert.equal((await conn.receive()).text(), `Message text was: ${message}`);
  }
  await conn.close();
});

async function exchange(path: string, cookies: Record<string, string> | undefined, lines: (message: string) => string[]) {
  const conn = await client.websocketConnect(path, cookies ? { headers: { cookie: Object.entries(cookies).map(([k, v]) => `${k}=${v}`).join('; ') } } : {});
  for (const message of ['Message one', 'Message two']) {
    await conn.sendText(message);
    for (const expected of lines(message)) assert.equal((await conn.receive()).text(), expected);
  }
  await conn.close();
}

test('advanced/websockets: the session cookie reaches the dependency', async () => {
  await exchange('/items/foo/ws', { session: 'fakesession' }, (m) => [
    'Session cookie or query token value is: fakesession',
    `Message text was: ${m}, for item ID: foo`,
  ]);
});

test('advanced/websockets: the token query parameter reaches the dependency', async () => {
  await exchange('/items/bar/ws?token=some-token', undefined, (m) => [
    'Session cookie or query token value is: some-token',
    `Message text was: ${m}, for item ID: bar`,
  ]);
});

test('advanced/websockets: token and q', async () => {
  await exchange('/items/2/ws?q=3&token=some-token', undefined, (m) => [
    'Session cookie or query token value is: some-token',
    'Query parameter q is: 3',
    `Message text was: ${m}, for item ID: 2`,
  ]);
});

test('advanced/websockets: no credentials — the WebSocketException(1008) refuses the handshake', async () => {
  await assert.rejects(client.websocketConnect('/items/foo/ws'), (err: unknown) => err instanceof WebSocketDenied && err.status === 403);
});

test('advanced/websockets: an invalid q refuses the handshake with the validation error', async () => {
  await assert.rejects(client.websocketConnect('/items/foo/ws?q=bar&token=some-token'), (err: unknown) => {
    assert.ok(err instanceof WebSocketDenied);
    assert.equal(err.status, 422);
    assert.deepEqual((err.json() as { detail: { loc: unknown[] }[] }).detail.map((d) => d.loc), [['query', 'q']]);
    return true;
  });
});

test('advanced/websockets: broadcast to every client, and who left', async () => {
  const one = await client.websocketConnect('/ws/1234');
  const two = await client.websocketConnect('/ws/5678');
  await one.sendText('Hello from 1234');
  assert.equal((await one.receive()).text(), 'You wrote: Hello from 1234');
  assert.equal((await two.receive()).text(), 'Client #1234 says: Hello from 1234');
  assert.equal((await one.receive()).text(), 'Client #1234 says: Hello from 1234');
  await two.close();
  assert.equal((await one.receive()).text(), 'Client #5678 left the chat');
  await one.close();
});
