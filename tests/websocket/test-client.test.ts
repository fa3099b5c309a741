import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Arena, Connection, ConnectionClosed, Header, HttpException, Request, TestClient, WebSocketDenied, createApp, dependency } from 'zigmund';
import { waitFor } from '../support/wait-for.js';

function makeApp(events: string[]) {
  const app = createApp();
  app.websocket('/echo', async (conn: Connection, req: Request, arena: Arena) => {
    arena.defer(() => events.push('released'));
    await conn.sendJson({ q: req.query.q ?? null, proto: conn.subprotocol });
    try {
      for (;;) {
        const msg = await conn.receive();
        await conn.sendText(`echo: ${msg.text()}`);
      }
    } catch (err) {
      if (err instanceof ConnectionClosed) events.push(`closed:${err.code}:${err.reason}`);
      else throw err;
    }
  }, { subprotocols: ['chat'], allowedOrigins: ['http://ok'] });
  app.websocket('/legacy', async (conn: Connection, arena: Arena) => {
    await conn.sendText(arena instanceof Arena ? 'legacy arena' : 'wrong');
  });
  app.websocket('/throws', async () => {
    throw new Error('bad handler');
  });
  return app;
}

test('websocketConnect passes query, headers and subprotocols; closing it reaches the handler as ConnectionClosed', async () => {
  const events: string[] = [];
  const client = new TestClient(makeApp(events));
  const conn = await client.websocketConnect('/echo', { query: { q: 'x' }, subprotocols: ['chat'], headers: { origin: 'http://ok' } });
  assert.equal(conn.subprotocol, 'chat');
  assert.deepEqual((await conn.receive()).json(), { q: 'x', proto: 'chat' });
  await conn.sendText('one');
  assert.equal((await conn.receive()).text(), 'echo: one');
  await conn.close(4000, 'bye');
  await waitFor(() => events.includes('released'), 'the Arena released');
  assert.deepEqual(events, ['closed:4000:bye', 'released']);
});

test('websocketConnect is refused with the HTTP status for a bad origin', async () => {
  const client = new TestClient(makeApp([]));
  await assert.rejects(client.websocketConnect('/echo', { headers: { origin: 'http://evil' } }), (err: unknown) => {
    assert.ok(err instanceof WebSocketDenied);
    assert.equal(err.status, 403);
    assert.match(err.json<{ detail: string }>().detail, /not allowed/);
    return true;
  });
});

test('function handlers with two parameters get (conn, arena)', async () => {
  const conn = await new TestClient(makeApp([])).websocketConnect('/legacy');
  assert.equal((await conn.receive()).text(), 'legacy arena');
  await assert.rejects(conn.receive(), (err: unknown) => err instanceof ConnectionClosed && err.code === 1000);
});

test('a throwing handler closes the test connection with 1011', async (t) => {
  t.mock.method(console, 'error', () => undefined);
  const conn = await new TestClient(makeApp([])).websocketConnect('/throws');
  await assert.rejects(conn.receive(), (err: unknown) => err instanceof ConnectionClosed && err.code === 1011);
});

test('route dependencies run before the upgrade and refuse it with their HTTP status', async () => {
  const requireToken = dependency([Header('x-token', { required: false })], (token: string | undefined) => {
    if (token !== 'secret') throw new HttpException(401, 'Not authenticated', { 'www-authenticate': 'Bearer' });
  });
  const app = createApp();
  app.websocket('/private', async (conn: Connection) => {
    await conn.sendText('welcome');
  }, { dependencies: [requireToken] });
  const client = new TestClient(app);
  await assert.rejects(client.websocketConnect('/private'), (err: unknown) => err instanceof WebSocketDenied && err.status === 401);
  const conn = await client.websocketConnect('/private', { headers: { 'x-token': 'secret' } });
  assert.equal((await conn.receive()).text(), 'welcome');
});

test('a dependency asking for the Connection fails at bootstrap: it runs before the handshake', async () => {
  const needsConnection = dependency([Connection], (conn: Connection) => conn.isOpen);
  const app = createApp();
  assert.throws(
    () => app.websocket('/early', async (conn: Connection) => conn.close(), { dependencies: [needsConnection] }),
    /only the handler itself can take the Connection/,
  );
});
