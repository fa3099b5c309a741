import 'reflect-metadata';
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  Arena, Connection, ConnectionClosed, ConnectionTimeout, Controller, Get, Module, Param, Query, Request, WebSocket, bootstrap, type App,
} from 'zigmund';
import { waitFor } from '../support/wait-for.js';
import { TestPeer, refusedStatus } from './support.js';

/** A fresh app per test, with its own event log: tests share no state. */
async function start(t: TestContext): Promise<{ base: string; events: string[]; app: App }> {
  const events: string[] = [];

  @Controller()
  class SocketsController {
    @Get('/plain')
    plain() {
      return { ok: true };
    }

    @WebSocket('/rooms/:room', { summary: 'Room chat' })
    async room(conn: Connection, @Param('room') room: string, @Query('n', { integer: true, default: 1 }) n: number, req: Request) {
      await conn.sendJson({ room, n, ua: req.headers['user-agent'] ?? null });
    }

    @WebSocket('/binary')
    async binary(conn: Connection) {
      const msg = await conn.receive();
      await conn.sendBinary(Buffer.concat([msg.data, Buffer.from([0xff])]));
      await conn.sendText(msg.opcode);
    }

    @WebSocket('/timeout', { idleTimeoutMs: 100 })
    async timeout(conn: Connection) {
      try {
        await conn.receive();
      } catch (err) {
        await conn.sendText(err instanceof ConnectionTimeout ? 'timeout' : 'other');
      }
      const msg = await conn.receive();
      await conn.sendText(`after timeout: ${msg.text()}`);
    }

    @WebSocket('/origin', { allowedOrigins: ['https://good.example'] })
    async origin(conn: Connection) {
      await conn.sendText('welcome');
    }

    @WebSocket('/proto', { subprotocols: ['v2.chat', 'v1.chat'], requireSubprotocol: true })
    async proto(conn: Connection) {
      await conn.sendText(`proto=${conn.subprotocol}`);
    }

    @WebSocket('/ping', { pingIntervalMs: 50, pongTimeoutMs: 100 })
    async ping(conn: Connection) {
      try {
        while (true) await conn.receive();
      } catch (err) {
        events.push(`ping-handler:${(err as ConnectionClosed).code}`);
      }
    }

    @WebSocket('/throws')
    async throws(conn: Connection) {
      await conn.receive();
      throw new Error('handler bug');
    }

    @WebSocket('/echo')
    async echo(conn: Connection) {
      for await (const msg of conn) await conn.sendText(`echo: ${msg.text()}`);
    }

    @WebSocket('/arena')
    async arena(conn: Connection, arena: Arena) {
      arena.defer(() => events.push('arena released'));
      arena.signal.addEventListener('abort', () => events.push('arena aborted'));
      await conn.sendText('ready');
      try {
        await conn.receive();
      } catch (err) {
        events.push(`arena-handler:${err instanceof ConnectionClosed}`);
      }
    }

    @WebSocket('/flood')
    async flood(conn: Connection) {
      const chunk = Buffer.alloc(64 * 1024, 1);
      let sent = 0;
      try {
        for (let i = 0; i < 400; i++) {
          const sending = conn.sendBinary(chunk);
          // A send with room is handed over at once; one the gate holds back is still pending a turn later.
          const held = await Promise.race([sending.then(() => false), new Promise<boolean>((resolve) => setImmediate(resolve, true))]);
          if (held) events.push(`flood-held-at:${i}`);
          await sending;
          sent++;
        }
      } catch {
        // the client went away
      }
      events.push(`flood-sent:${sent}`);
    }

    @WebSocket('/slow-shutdown')
    async slowShutdown(conn: Connection) {
      await conn.sendText('hi');
      try {
        await conn.receive();
      } catch (err) {
        await sleep(50);
        events.push(`shutdown-handler:${(err as ConnectionClosed).code}`);
      }
    }
  }

  @Module({ controllers: [SocketsController] })
  class SocketsModule {}

  const app = await bootstrap(SocketsModule, { logStartup: false });
  const base = (await app.serve({ port: 0 })).replace('http', 'ws');
  t.after(() => app.close());
  return { base, events, app };
}

test('path and query parameters and the upgrade Request reach the handler', async (t) => {
  const { base } = await start(t);
  const peer = await TestPeer.open(`${base}/rooms/blue?n=3`, [], { headers: { 'user-agent': 'peer' } });
  assert.deepEqual(JSON.parse(String(await peer.next())), { room: 'blue', n: 3, ua: 'peer' });
  assert.equal((await peer.closed).code, 1000);
});

test('a bad query value is a 422 before the upgrade', async (t) => {
  const { base } = await start(t);
  const res = await refusedStatus(`${base}/rooms/blue?n=x`);
  assert.equal(res.status, 422);
  assert.equal(JSON.parse(res.body).detail[0].loc.join('.'), 'query.n');
});

test('binary frames arrive as binary messages', async (t) => {
  const { base } = await start(t);
  const peer = await TestPeer.open(`${base}/binary`);
  peer.ws.send(Buffer.from([1, 2, 3]));
  assert.deepEqual(await peer.next(), Buffer.from([1, 2, 3, 0xff]));
  assert.equal(await peer.next(), 'binary');
});

test('ConnectionTimeout after idleTimeoutMs, then the connection is still usable', async (t) => {
  const { base } = await start(t);
  const peer = await TestPeer.open(`${base}/timeout`);
  assert.equal(await peer.next(), 'timeout');
  peer.ws.send('late');
  assert.equal(await peer.next(), 'after timeout: late');
});

test('a disallowed Origin gets 403 and the socket never opens', async (t) => {
  const { base } = await start(t);
  assert.equal((await refusedStatus(`${base}/origin`, [], { origin: 'https://evil.example' })).status, 403);
  assert.equal((await refusedStatus(`${base}/origin`)).status, 403);
  const peer = await TestPeer.open(`${base}/origin`, [], { headers: { origin: 'https://good.example' } });
  assert.equal(await peer.next(), 'welcome');
});

test('subprotocols are negotiated in the server order; a missing required one is a 400', async (t) => {
  const { base } = await start(t);
  const peer = await TestPeer.open(`${base}/proto`, ['v1.chat', 'v2.chat']);
  assert.equal(peer.ws.protocol, 'v2.chat');
  assert.equal(await peer.next(), 'proto=v2.chat');
  const refused = await refusedStatus(`${base}/proto`, ['v9']);
  assert.equal(refused.status, 400);
  assert.match(JSON.parse(refused.body).detail, /subprotocol is required/);
});

test('a silent peer is closed by the ping policy with 1011 "pong timeout"', async (t) => {
  const { base, events } = await start(t);
  const peer = await TestPeer.open(`${base}/ping`, [], { autoPong: false });
  const closed = await peer.closed;
  assert.equal(closed.code, 1011);
  assert.equal(closed.reason, 'pong timeout');
  await waitFor(() => events.includes('ping-handler:1011'), 'the ping handler ended with 1011');
});

test('a peer that answers pings stays connected', async (t) => {
  const { base } = await start(t);
  const peer = await TestPeer.open(`${base}/ping`);
  let pings = 0;
  peer.ws.on('ping', () => pings++);
  // Four pings at 50 ms span two pong timeouts (100 ms): a policy blind to pongs would have closed by then.
  await waitFor(() => pings >= 4, 'four pings received');
  assert.equal(peer.ws.readyState, peer.ws.OPEN);
  peer.ws.close();
  await peer.closed;
});

test('a throwing handler closes with 1011 while another connection keeps working', async (t) => {
  const { base } = await start(t);
  t.mock.method(console, 'error', () => undefined);
  const healthy = await TestPeer.open(`${base}/echo`);
  const failing = await TestPeer.open(`${base}/throws`);
  failing.ws.send('trigger');
  assert.equal((await failing.closed).code, 1011);
  healthy.ws.send('still here');
  assert.equal(await healthy.next(), 'echo: still here');
  healthy.ws.close(1000);
  assert.equal((await healthy.closed).code, 1000);
});

test('the Arena is released and its signal aborted when the client vanishes without a close frame', async (t) => {
  const { base, events } = await start(t);
  const peer = await TestPeer.open(`${base}/arena`);
  assert.equal(await peer.next(), 'ready');
  peer.ws.terminate();
  await waitFor(() => events.includes('arena released'), 'the Arena released');
  assert.ok(events.includes('arena aborted'));
  assert.ok(events.includes('arena-handler:true'));
  assert.ok(events.indexOf('arena-handler:true') < events.indexOf('arena released'));
});

test('a plain GET to a WebSocket route answers 426 with Upgrade: websocket', async (t) => {
  const { base } = await start(t);
  const res = await fetch(`${base.replace('ws', 'http')}/echo`);
  assert.equal(res.status, 426);
  assert.equal(res.headers.get('upgrade'), 'websocket');
});

test('an upgrade to an unknown path is a 404 and to an HTTP-only path a 400', async (t) => {
  const { base } = await start(t);
  assert.equal((await refusedStatus(`${base}/nowhere`)).status, 404);
  assert.equal((await refusedStatus(`${base}/plain`)).status, 400);
});

test('50 concurrent connections x 40 messages are all answered in order', async (t) => {
  const { base } = await start(t);
  const peers = await Promise.all(Array.from({ length: 50 }, () => TestPeer.open(`${base}/echo`)));
  await Promise.all(
    peers.map(async (peer, p) => {
      for (let i = 0; i < 40; i++) peer.ws.send(`${p}-${i}`);
      for (let i = 0; i < 40; i++) assert.equal(await peer.next(), `echo: ${p}-${i}`);
      peer.ws.close();
      await peer.closed;
    }),
  );
});

test('a client that does not read does not make the server buffer without bound', async (t) => {
  const { base, events } = await start(t);
  const peer = await TestPeer.open(`${base}/flood`);
  // Stop reading from the socket: the kernel buffers fill and the server must wait.
  peer.transport!.pause();
  await waitFor(() => events.some((e) => e.startsWith('flood-held-at:')), 'a send held back');
  const heldAt = Number(events.find((e) => e.startsWith('flood-held-at:'))!.split(':')[1]);
  assert.ok(heldAt < 200, `the first send held back was chunk ${heldAt} of 64 KiB`);
  peer.ws.terminate();
  await waitFor(() => events.some((e) => e.startsWith('flood-sent:')), 'the flood handler ended');
  const sent = Number(events.find((e) => e.startsWith('flood-sent:'))!.split(':')[1]);
  assert.ok(sent < 200, `sent ${sent} chunks of 64 KiB to a client that never read`);
});

test('app.close() closes open sockets with 1001 and waits for their handlers', async (t) => {
  const { base, events, app } = await start(t);
  const peer = await TestPeer.open(`${base}/slow-shutdown`);
  assert.equal(await peer.next(), 'hi');
  await app.close();
  assert.ok(events.includes('shutdown-handler:1001'), 'close() resolved before the handler ended');
  assert.equal((await peer.closed).code, 1001);
});
