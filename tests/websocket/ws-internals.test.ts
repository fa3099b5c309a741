import assert from 'node:assert/strict';
import { once } from 'node:events';
import { test } from 'node:test';
import { WebSocket } from 'ws';
import { encodeFrame, internalsOf, writeEncoded } from '../../src/websocket/ws-internals.js';
import { serve } from './socket-harness.js';

// ws's private fields the framework reads, named one by one: an upgrade of ws that changes
// one fails here with the field's name, not somewhere deep in a send.
test('ws still has the private fields the framework relies on', async (t) => {
  const served = await serve(async (conn, ws) => {
    const internals = internalsOf(ws);
    const sender = internals._sender!;
    const shape = {
      _socket: typeof internals._socket?.write,
      _autoPong: typeof internals._autoPong,
      _closeFrameReceived: typeof internals._closeFrameReceived,
      _closeCode: typeof internals._closeCode,
      _closeMessage: Buffer.isBuffer(internals._closeMessage),
      '_sender._state': sender._state,
      '_sender._queue': Array.isArray(sender._queue),
      '_sender.sendFrame': typeof sender.sendFrame,
    };
    await conn.receive();
    return shape;
  });
  t.after(() => served.stop());
  const peer = await served.connect();
  peer.ws.send('done');
  assert.deepEqual((await served.session).result, {
    _socket: 'function',
    _autoPong: 'boolean',
    _closeFrameReceived: 'boolean',
    _closeCode: 'number',
    _closeMessage: true,
    '_sender._state': 0,
    '_sender._queue': true,
    '_sender.sendFrame': 'function',
  });
});

test('encodeFrame frames a message once, unmasked, and writeEncoded writes it through the socket sender', async (t) => {
  const text = encodeFrame(false, Buffer.from('hello'));
  assert.deepEqual([...text.bytes], [0x81, 5, ...Buffer.from('hello')]);
  const long = encodeFrame(true, Buffer.alloc(70_000, 1));
  assert.deepEqual([...long.bytes.subarray(0, 10)], [0x82, 127, 0, 0, 0, 0, 0, 1, 0x11, 0x70]);
  assert.equal(long.bytes.length, 70_010);

  const served = await serve(async (conn, ws) => {
    writeEncoded(ws as WebSocket, text);
    writeEncoded(ws as WebSocket, long);
    await conn.receive();
  });
  t.after(() => served.stop());
  const peer = await served.connect();
  assert.equal(await peer.nextText(), 'hello');
  const binary = await peer.next();
  assert.equal(binary.isBinary, true);
  assert.equal(binary.data.length, 70_000);
  peer.ws.send('done');
  await once(peer.ws, 'close');
});
