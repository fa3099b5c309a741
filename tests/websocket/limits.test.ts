import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConnectionClosed, ConnectionTimeout } from '../../src/websocket/errors.js';
import { connectClient, delay, serve, signal, until } from './socket-harness.js';

test('receive rejects with ConnectionTimeout after idleTimeoutMs and the connection keeps working', async (t) => {
  const served = await serve(
    async (conn) => {
      const idle = await conn.receive().catch((err: unknown) => err);
      const short = await conn.receiveWithTimeout(30).catch((err: unknown) => err);
      await conn.sendText('timed out');
      // The peer answers only after reading 'timed out': no idle bound on this one (0 = forever),
      // so a slow machine cannot turn the reply into a third timeout.
      return { idle, short, next: (await conn.receiveWithTimeout(0)).text() };
    },
    { idleTimeoutMs: 50 },
  );
  t.after(() => served.stop());
  const peer = await served.connect();
  assert.equal(await peer.nextText(), 'timed out');
  peer.ws.send('hello');
  const { idle, short, next } = (await served.session).result as { idle: ConnectionTimeout; short: ConnectionTimeout; next: string };
  assert.ok(idle instanceof ConnectionTimeout);
  assert.equal(idle.timeoutMs, 50);
  assert.ok(short instanceof ConnectionTimeout);
  assert.equal(short.timeoutMs, 30);
  assert.equal(next, 'hello');
});

test('accepts a message of exactly maxMessageBytes and closes with 1009 on one byte more', async (t) => {
  const served = await serve(
    async (conn) => {
      const size = (await conn.receive()).data.length;
      await conn.sendText('ok');
      const error = await conn.receive().catch((err: unknown) => err);
      return { size, error, code: conn.lastCloseCode };
    },
    { maxMessageBytes: 4096 },
  );
  t.after(() => served.stop());
  const peer = await served.connect();
  peer.ws.send(Buffer.alloc(4096));
  assert.equal(await peer.nextText(), 'ok');
  peer.ws.send(Buffer.alloc(4097));
  assert.equal((await peer.closed).code, 1009);
  const { size, error, code } = (await served.session).result as { size: number; error: ConnectionClosed; code: number };
  assert.equal(size, 4096);
  assert.ok(error instanceof ConnectionClosed);
  assert.equal(error.code, 1009);
  assert.equal(code, 1009);
});

test('setMaxMessageBytes lowers the limit at runtime and closes with 1009 above it', async (t) => {
  const served = await serve(async (conn) => {
    conn.setMaxMessageBytes(100);
    await conn.sendText('ready');
    const size = (await conn.receive()).data.length;
    return { size, error: await conn.receive().catch((err: unknown) => err) };
  });
  t.after(() => served.stop());
  const peer = await served.connect();
  assert.equal(await peer.nextText(), 'ready');
  peer.ws.send('x'.repeat(100));
  peer.ws.send('x'.repeat(101));
  assert.deepEqual(await peer.closed, { code: 1009, reason: 'message too big' });
  const { size, error } = (await served.session).result as { size: number; error: ConnectionClosed };
  assert.equal(size, 100);
  assert.equal(error.code, 1009);
});

test('the ping policy closes a peer that never answers with 1011 "pong timeout"', async (t) => {
  const served = await serve((conn) => conn.receive(), { pingIntervalMs: 30, pongTimeoutMs: 50 });
  t.after(() => served.stop());
  const peer = await served.connect({ autoPong: false });
  assert.deepEqual(await peer.closed, { code: 1011, reason: 'pong timeout' });
  assert.ok(peer.pings.length >= 1);
  const { error } = await served.session;
  assert.ok(error instanceof ConnectionClosed);
  assert.equal(error.code, 1011);
  assert.equal(error.reason, 'pong timeout');
});

test('the ping policy keeps a peer that answers with pongs, while the handler is busy elsewhere', async (t) => {
  const served = await serve(
    async (conn) => {
      await delay(200);
      await conn.sendText('still here');
      return conn.isOpen;
    },
    { pingIntervalMs: 20, pongTimeoutMs: 40 },
  );
  t.after(() => served.stop());
  const peer = await served.connect();
  assert.equal(await peer.nextText(), 'still here');
  assert.equal((await served.session).result, true);
  assert.ok(peer.pings.length >= 2);
  assert.equal((await peer.closed).code, 1000);
});

test('with autoPong off, pings and pongs reach receive() and no pong is sent', async (t) => {
  const served = await serve(
    async (conn) => {
      const ping = await conn.receive();
      await conn.ping('p');
      const pong = await conn.receive();
      return [ping.opcode, ping.text(), pong.opcode, pong.text()];
    },
    { autoPong: false },
  );
  t.after(() => served.stop());
  const peer = await served.connect();
  peer.ws.ping('hi');
  assert.deepEqual((await served.session).result, ['ping', 'hi', 'pong', 'p']);
  await peer.closed;
  assert.equal(peer.pongs.length, 0);
});

test('with autoPong on, pings are answered and not delivered until setAutoPong(false)', async (t) => {
  const served = await serve(async (conn) => {
    const first = await conn.receive();
    conn.setAutoPong(false);
    await conn.sendText('off');
    const second = await conn.receive();
    return [first.opcode, first.text(), second.opcode, second.text()];
  });
  t.after(() => served.stop());
  const peer = await served.connect();
  peer.ws.ping('hi');
  peer.ws.send('after');
  assert.equal(await peer.nextText(), 'off');
  assert.deepEqual(peer.pongs.map(String), ['hi']);
  peer.ws.ping('again');
  assert.deepEqual((await served.session).result, ['text', 'after', 'ping', 'again']);
});

test('pauses reading at maxPendingMessages and delivers all 500 messages in order', async (t) => {
  const served = await serve(
    async (conn, ws) => {
      const paused = await until(() => ws.isPaused);
      const texts: string[] = [];
      for (let i = 0; i < 500; i++) {
        if (i % 50 === 0) await delay(1);
        texts.push((await conn.receive()).text());
      }
      return { paused, resumed: !ws.isPaused, texts };
    },
    { maxPendingMessages: 8 },
  );
  t.after(() => served.stop());
  const peer = await served.connect();
  for (let i = 0; i < 500; i++) peer.ws.send(String(i));
  const { paused, resumed, texts } = (await served.session).result as { paused: boolean; resumed: boolean; texts: string[] };
  assert.equal(paused, true);
  assert.equal(resumed, true);
  assert.deepEqual(texts, Array.from({ length: 500 }, (_, i) => String(i)));
});

test('sends wait for drain when the client stops reading, so the buffer stays bounded', async (t) => {
  const stalled = signal();
  const resumed = signal();
  const chunk = Buffer.alloc(64 * 1024, 7);
  const served = await serve(
    async (conn) => {
      await conn.receive();
      // Rounds of un-awaited sends, as a broadcast would issue them: only the gate bounds the buffer.
      let sent = 0;
      let stalledRounds = 0;
      let maxBuffered = 0;
      let timeout: unknown;
      for (let round = 0; round < 200 && stalledRounds < 4; round++) {
        const batch = Array.from({ length: 32 }, () => conn.sendBinary(chunk));
        maxBuffered = Math.max(maxBuffered, conn.bufferedAmount);
        let failed = 0;
        for (const outcome of await Promise.allSettled(batch)) {
          if (outcome.status === 'fulfilled') sent++;
          else if (outcome.reason instanceof ConnectionTimeout) [timeout, failed] = [outcome.reason, failed + 1];
          else throw outcome.reason;
        }
        maxBuffered = Math.max(maxBuffered, conn.bufferedAmount);
        if (failed > 0) stalledRounds++;
      }
      const openWhileStalled = conn.isOpen;
      stalled.resolve();
      await resumed.promise;
      conn.setSendTimeoutMs(0);
      await conn.sendText('done');
      return { sent, stalledRounds, timeout, maxBuffered, openWhileStalled };
    },
    { sendTimeoutMs: 50 },
  );
  t.after(() => served.stop());
  const peer = await served.connect();
  peer.ws.pause();
  peer.ws.send('go');
  await stalled.promise;
  peer.ws.resume();
  resumed.resolve();
  let binaries = 0;
  for (let frame = await peer.next(); frame.isBinary; frame = await peer.next()) {
    assert.equal(frame.data.length, chunk.length);
    binaries++;
  }
  const { result } = await served.session;
  const { sent, stalledRounds, timeout, maxBuffered, openWhileStalled } = result as {
    sent: number;
    stalledRounds: number;
    timeout: ConnectionTimeout;
    maxBuffered: number;
    openWhileStalled: boolean;
  };
  assert.equal(stalledRounds, 4);
  assert.ok(timeout instanceof ConnectionTimeout);
  assert.equal(timeout.timeoutMs, 50);
  assert.equal(openWhileStalled, true);
  assert.ok(maxBuffered < 1024 * 1024, `buffered ${maxBuffered} bytes`);
  assert.ok(binaries >= sent);
});

test('setAutoPong(false) on a client-side Connection silences the client ws own pongs', async (t) => {
  const served = await serve(
    async (conn) => {
      await conn.ping('x');
      await conn.sendText('after');
      return (await conn.receive()).opcode;
    },
    { autoPong: false },
  );
  t.after(() => served.stop());
  const { ws, client } = await connectClient(served.url, (client) => client.setAutoPong(false));
  t.after(() => ws.terminate());
  const ping = await client.receive();
  assert.deepEqual([ping.opcode, ping.text()], ['ping', 'x']);
  assert.equal((await client.receive()).text(), 'after');
  await client.sendText('bye');
  assert.equal((await served.session).result, 'text');
});
