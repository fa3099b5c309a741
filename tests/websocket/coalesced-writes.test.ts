import assert from 'node:assert/strict';
import type { Socket } from 'node:net';
import { test } from 'node:test';
import { countWrites } from '../support/count-writes.js';
import { serve } from './socket-harness.js';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

test('frames sent in one turn leave in one write, in order; the next turn writes again', async (t) => {
  const served = await serve(async (conn, _ws, transport) => {
    await conn.receive();
    const writes = countWrites(transport as Socket);
    for (let i = 0; i < 50; i++) await conn.sendText(`m${i}`);
    await nextTurn();
    const inOneTurn = writes.count;
    await conn.sendText('later');
    await nextTurn();
    await conn.receive();
    return { inOneTurn, afterNextTurn: writes.count };
  });
  t.after(() => served.stop());
  const peer = await served.connect();
  peer.ws.send('go');
  const texts: string[] = [];
  for (let i = 0; i < 51; i++) texts.push(await peer.nextText());
  assert.deepEqual(texts, [...Array.from({ length: 50 }, (_, i) => `m${i}`), 'later']);
  peer.ws.send('done');
  const { result } = await served.session;
  assert.deepEqual(result, { inOneTurn: 1, afterNextTurn: 2 });
});

test('a close in the same turn as sends goes out after them', async (t) => {
  const served = await serve(async (conn) => {
    await conn.receive();
    await conn.sendText('a');
    await conn.sendText('b');
    await conn.close(4000, 'bye');
  });
  t.after(() => served.stop());
  const peer = await served.connect();
  peer.ws.send('go');
  assert.equal(await peer.nextText(), 'a');
  assert.equal(await peer.nextText(), 'b');
  assert.deepEqual(await peer.closed, { code: 4000, reason: 'bye' });
});
