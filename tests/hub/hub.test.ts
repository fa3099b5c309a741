import 'reflect-metadata';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BootstrapError } from '../../src/metadata/bootstrap-error.js';
import { bootstrap } from '../../src/app/bootstrap.js';
import { createApp } from '../../src/app/app.js';
import { Hub } from '../../src/hub/hub.js';
import type { HubAdapter, HubMessage } from '../../src/hub/adapter.js';
import { Controller } from '../../src/metadata/controller.js';
import { Module } from '../../src/metadata/module.js';
import { Param } from '../../src/metadata/params.js';
import { Body } from '../../src/metadata/params.js';
import { Post, WebSocket } from '../../src/metadata/routes.js';
import { Connection } from '../../src/websocket/connection.js';
import { Peer, until } from '../websocket/socket-harness.js';

async function chatApp(options: Parameters<typeof bootstrap>[1] = {}) {
  @Controller()
  class ChatController {
    @WebSocket('/rooms/:room')
    async chat(conn: Connection, @Param('room') room: string, hub: Hub) {
      hub.join(room, conn);
      await conn.sendText(`joined ${room}`);
      for await (const msg of conn) {
        if (msg.text() === 'leave') hub.leave(room, conn);
        else await hub.publish(room, msg.text(), { except: conn });
      }
    }

    @Post('/rooms/:room/announce')
    async announce(@Param('room') room: string, @Body() body: { text: string }, hub: Hub) {
      await hub.publish(room, { announcement: body.text });
      return { delivered: hub.size(room) };
    }
  }
  @Module({ controllers: [ChatController] })
  class ChatModule {}
  const app = await bootstrap(ChatModule, { logStartup: false, handleSignals: false, ...options });
  const url = await app.serve({ port: 0 });
  return { app, http: url, ws: url.replace('http', 'ws') };
}

async function member(base: string, room: string): Promise<Peer> {
  const peer = await Peer.open(`${base}/rooms/${room}`);
  assert.equal(await peer.nextText(), `joined ${room}`);
  return peer;
}

test('a publish reaches every member of its room but the sender, and no other room', async (t) => {
  const { app, ws } = await chatApp();
  t.after(() => app.close());
  const [ann, bob, cid] = [await member(ws, 'blue'), await member(ws, 'blue'), await member(ws, 'blue')];
  const other = await member(ws, 'red');
  const red = await member(ws, 'red');
  assert.equal(app.hub.size('blue'), 3);
  assert.deepEqual([...app.hub.rooms()].sort(), ['blue', 'red']);

  ann.ws.send('hello blue');
  assert.equal(await bob.nextText(), 'hello blue');
  assert.equal(await cid.nextText(), 'hello blue');
  other.ws.send('hello red');
  bob.ws.send('from bob');
  assert.equal(await ann.nextText(), 'from bob');
  assert.equal(await cid.nextText(), 'from bob');
  other.ws.send('end of red');
  assert.equal(await red.nextText(), 'hello red');
  // Had a blue message reached red, or a red one blue, it would have come before these.
  assert.equal(await red.nextText(), 'end of red');
  for (const peer of [ann, bob, cid, other, red]) peer.ws.close();
});

test('members leave their rooms when the connection ends, and by leave()', async (t) => {
  const { app, ws } = await chatApp();
  t.after(() => app.close());
  const ann = await member(ws, 'blue');
  const bob = await member(ws, 'blue');
  bob.ws.send('leave');
  assert.ok(await until(() => app.hub.size('blue') === 1), 'bob left with leave()');
  ann.ws.terminate();
  assert.ok(await until(() => app.hub.size('blue') === 0), 'ann left when her socket dropped');
  assert.deepEqual([...app.hub.rooms()], []);
  bob.ws.close();
});

test('an HTTP handler gets the same Hub by type; objects go out as JSON text, bytes as one binary frame', async (t) => {
  const { app, http, ws } = await chatApp();
  t.after(() => app.close());
  const ann = await member(ws, 'blue');
  const res = await fetch(`${http}/rooms/blue/announce`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'hi' }) });
  assert.deepEqual([res.status, await res.json()], [200, { delivered: 1 }]);
  const announced = await ann.next();
  assert.deepEqual([announced.isBinary, JSON.parse(announced.data.toString())], [false, { announcement: 'hi' }]);
  await app.hub.publish('blue', new Uint8Array([1, 2, 3]));
  const bytes = await ann.next();
  assert.deepEqual([bytes.isBinary, [...bytes.data]], [true, [1, 2, 3]]);
  await app.hub.publish('blue', null);
  assert.equal(await ann.nextText(), 'null');
  ann.ws.close();
});

test('one publisher’s messages arrive in order at every member', async (t) => {
  const { app, ws } = await chatApp();
  t.after(() => app.close());
  const peers = [await member(ws, 'order'), await member(ws, 'order'), await member(ws, 'order')];
  for (let i = 0; i < 2_000; i++) void app.hub.publish('order', `m${i}`);
  for (const peer of peers) {
    for (let i = 0; i < 2_000; i++) assert.equal(await peer.nextText(), `m${i}`);
    peer.ws.close();
  }
});

test('a member that does not read is closed with 1013 at maxBufferedBytes while the others keep receiving', async (t) => {
  const { app, ws } = await chatApp({ hub: { maxBufferedBytes: 512 * 1024 } });
  t.after(() => app.close());
  const slow = await member(ws, 'busy');
  const fast = await member(ws, 'busy');
  (slow.ws as unknown as { _socket: { pause(): void } })._socket.pause();
  const chunk = 'x'.repeat(32 * 1024);
  let received = 0;
  fast.ws.on('message', () => received++);
  let sent = 0;
  // Enough to fill the slow member's kernel buffers and its 512 KiB; the fast one reads all.
  // The publisher yields to I/O every 128 KiB, as one relaying its own clients' messages does.
  while (app.hub.size('busy') === 2 && sent < 20_000) {
    await app.hub.publish('busy', chunk);
    sent++;
    if (sent % 4 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  assert.equal(app.hub.size('busy'), 1, `only the slow member was dropped, after ${sent} messages`);
  assert.ok(await until(() => received >= sent - 1, 10_000), `the fast member got ${received} of ${sent}`);
  (slow.ws as unknown as { _socket: { resume(): void } })._socket.resume();
  const closed = await slow.closed;
  assert.equal(closed.code, 1013);
  fast.ws.close();
});

test('an adapter carries publishes out and delivers those of other processes to the members here', async (t) => {
  const published: HubMessage[] = [];
  const calls: string[] = [];
  let deliver!: (message: HubMessage) => void;
  const adapter: HubAdapter = {
    start(d) {
      deliver = d;
      calls.push('start');
    },
    subscribe: (room) => void calls.push(`subscribe ${room}`),
    unsubscribe: (room) => void calls.push(`unsubscribe ${room}`),
    publish: (message) => void published.push(message),
    close: () => void calls.push('close'),
  };
  const { app, ws } = await chatApp({ hub: { adapter } });
  const ann = await member(ws, 'blue');
  await app.hub.publish('blue', 'out');
  assert.equal(await ann.nextText(), 'out');
  assert.deepEqual(published.map((m) => [m.room, m.binary, m.payload.toString()]), [['blue', false, 'out']]);
  deliver({ room: 'blue', binary: false, payload: Buffer.from('from elsewhere') });
  deliver({ room: 'red', binary: false, payload: Buffer.from('nobody here') });
  assert.equal(await ann.nextText(), 'from elsewhere');
  ann.ws.close();
  await until(() => app.hub.size('blue') === 0);
  await app.close();
  t.after(() => app.close());
  assert.deepEqual(calls, ['start', 'subscribe blue', 'unsubscribe blue', 'close']);
});

test('a handler parameter of an unknown type names Hub among what can be injected; hub.maxBufferedBytes is checked', () => {
  class Unknown {}
  const app = createApp({ logStartup: false });
  assert.throws(
    () => app.addRoute({ kind: 'http', method: 'GET', path: '/x', handler: () => 1, params: [{ index: 0, source: 'type', type: Unknown }], options: {}, owner: 'GET /x', tags: [], dependencies: [] }),
    (err: unknown) => err instanceof BootstrapError && /Connection, Hub or an @Injectable/.test(err.message),
  );
  assert.throws(() => new Hub({ maxBufferedBytes: 0 }), RangeError);
});
