import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConnectionClosed, ConnectionTimeout } from '../../src/websocket/errors.js';
import { serve } from './socket-harness.js';
import { waitFor } from '../support/wait-for.js';

// A route's connections share its limits until one changes its own: that must stay its own.
test('a setter changes only its own connection, not the other connections of the route', async (t) => {
  let opened = 0;
  const served = await serve(
    async (conn) => {
      if (++opened === 1) conn.setMaxMessageBytes(10);
      await conn.sendText(`ready ${opened}`);
      for (;;) await conn.sendText(`got ${(await conn.receive()).data.length}`);
    },
    { maxMessageBytes: 100 },
  );
  t.after(() => served.stop());
  const lowered = await served.connect();
  assert.equal(await lowered.nextText(), 'ready 1');
  const other = await served.connect();
  assert.equal(await other.nextText(), 'ready 2');
  other.ws.send(Buffer.alloc(50));
  assert.equal(await other.nextText(), 'got 50');
  lowered.ws.send(Buffer.alloc(50));
  assert.equal((await lowered.closed).code, 1009);
  other.ws.send(Buffer.alloc(100));
  assert.equal(await other.nextText(), 'got 100');
});

test('receives waiting at once get the messages in call order; a timed-out one leaves the others in line', async (t) => {
  const served = await serve(async (conn) => {
    const first = conn.receive();
    const short = conn.receiveWithTimeout(30).catch((err: unknown) => err);
    const third = conn.receive();
    const timedOut = await short;
    await conn.sendText('send two');
    return { timedOut, texts: [(await first).text(), (await third).text()] };
  });
  t.after(() => served.stop());
  const peer = await served.connect();
  assert.equal(await peer.nextText(), 'send two');
  peer.ws.send('one');
  peer.ws.send('two');
  const { timedOut, texts } = (await served.session).result as { timedOut: unknown; texts: string[] };
  assert.ok(timedOut instanceof ConnectionTimeout);
  assert.deepEqual(texts, ['one', 'two']);
});

test('closed, first read after the socket has closed, resolves with how it closed', async (t) => {
  const served = await serve(async (conn, ws) => {
    const error = await conn.receive().catch((err: unknown) => err);
    await waitFor(() => ws.readyState === ws.CLOSED, 'the socket closed');
    return { error, closed: await conn.closed, again: (await conn.closed) === (await conn.closed) };
  });
  t.after(() => served.stop());
  const peer = await served.connect();
  peer.ws.close(4001, 'later');
  const { error, closed, again } = (await served.session).result as { error: unknown; closed: unknown; again: boolean };
  assert.ok(error instanceof ConnectionClosed);
  assert.equal(error.code, 4001);
  assert.deepEqual(closed, { code: 4001, reason: 'later' });
  assert.equal(again, true);
});
