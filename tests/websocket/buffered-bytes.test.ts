import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConnectionClosed } from '../../src/websocket/errors.js';
import { resolveSocketLimits } from '../../src/websocket/options.js';
import { serve, until } from './socket-harness.js';

const chunk = Buffer.alloc(64 * 1024, 3);

function pauseReading(peer: { ws: unknown }): void {
  (peer.ws as { _socket: { pause(): void } })._socket.pause();
}

function resumeReading(peer: { ws: unknown }): void {
  (peer.ws as { _socket: { resume(): void } })._socket.resume();
}

test('closes with 1013 once un-awaited sends hold more than maxBufferedBytes, and later sends reject', async (t) => {
  const served = await serve(
    async (conn) => {
      await conn.receive();
      const outcomes: Promise<void>[] = [];
      for (let i = 0; i < 400 && conn.isOpen; i++) outcomes.push(conn.sendBinary(chunk));
      const settled = await Promise.allSettled(outcomes);
      const later = await conn.sendText('later').catch((err: unknown) => err);
      return {
        attempted: outcomes.length,
        failed: settled.filter((o) => o.status === 'rejected' && o.reason instanceof ConnectionClosed && o.reason.code === 1013).length,
        later,
        code: conn.lastCloseCode,
      };
    },
    { maxBufferedBytes: 1024 * 1024 },
  );
  t.after(() => served.stop());
  const peer = await served.connect();
  pauseReading(peer);
  peer.ws.send('go');
  const { result } = await served.session;
  const { attempted, failed, later, code } = result as { attempted: number; failed: number; later: ConnectionClosed; code: number };
  // 1 MiB of queue is 16 chunks, plus what the socket and the kernel took before the peer's window filled.
  assert.ok(attempted < 400, `stopped after ${attempted} sends`);
  assert.ok(failed >= 1, `${failed} sends rejected with 1013`);
  assert.equal(code, 1013);
  assert.ok(later instanceof ConnectionClosed);
  assert.equal(later.code, 1013);
  assert.equal(later.reason, 'send buffer full');
  resumeReading(peer);
  assert.equal((await peer.closed).code, 1013);
});

test('awaited sends bigger than maxBufferedBytes wait for a slow peer instead of closing it', async (t) => {
  const big = Buffer.alloc(512 * 1024, 9);
  const served = await serve(
    async (conn) => {
      await conn.receive();
      for (let i = 0; i < 4; i++) await conn.sendBinary(big);
      return conn.isOpen;
    },
    { maxBufferedBytes: 64 * 1024 },
  );
  t.after(() => served.stop());
  const peer = await served.connect();
  peer.ws.send('go');
  for (let i = 0; i < 4; i++) assert.equal((await peer.next()).data.length, big.length);
  assert.equal((await served.session).result, true);
  assert.equal((await peer.closed).code, 1000);
});

test('setMaxBufferedBytes changes the limit of one connection; 0 and fractions are refused', async (t) => {
  const served = await serve(async (conn) => {
    const refused = [0, 1.5, -1].map((n) => {
      try {
        conn.setMaxBufferedBytes(n);
        return 'accepted';
      } catch (err) {
        return (err as Error).name;
      }
    });
    conn.setMaxBufferedBytes(128 * 1024);
    await conn.receive();
    for (let i = 0; i < 400 && conn.isOpen; i++) void conn.sendBinary(chunk);
    await until(() => !conn.isOpen);
    return { refused, code: conn.lastCloseCode };
  });
  t.after(() => served.stop());
  const peer = await served.connect();
  pauseReading(peer);
  peer.ws.send('go');
  const { result } = await served.session;
  assert.deepEqual(result, { refused: ['RangeError', 'RangeError', 'RangeError'], code: 1013 });
});

test('maxBufferedBytes defaults to 4 MiB and must be at least 1', () => {
  assert.equal(resolveSocketLimits({}).maxBufferedBytes, 4 * 1024 * 1024);
  assert.throws(() => resolveSocketLimits({ maxBufferedBytes: 0 }), RangeError);
});
