import assert from 'node:assert/strict';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { after, test } from 'node:test';
import { createRequire } from 'node:module';
import { WebSocket, WebSocketServer } from 'ws';
import { closeCodeOf, encodeFrame, internalsOf, peerClose, writeEncoded, writeText } from '../../src/websocket/ws-internals.js';
import { serve } from './socket-harness.js';

// src/websocket/ws-internals.ts is the one reader of what ws keeps private or reports only
// through its error codes. These tests fail naming the field or code if a ws update changes them.

test('ws still has the private fields the framework relies on', async (t) => {
  const served = await serve(async (conn, ws) => {
    const internals = internalsOf(ws);
    const sender = internals._sender!;
    const shape = {
      _closeFrameReceived: typeof internals._closeFrameReceived,
      _closeCode: typeof internals._closeCode,
      _closeMessage: Buffer.isBuffer(internals._closeMessage),
      '_sender._state': sender._state,
      '_sender._queue': Array.isArray(sender._queue),
      '_sender.sendFrame': typeof sender.sendFrame,
      _isServer: internals._isServer,
    };
    await conn.receive();
    return shape;
  });
  t.after(() => served.stop());
  const peer = await served.connect();
  peer.ws.send('done');
  assert.deepEqual((await served.session).result, {
    _closeFrameReceived: 'boolean',
    _closeCode: 'number',
    _closeMessage: true,
    '_sender._state': 0,
    '_sender._queue': true,
    '_sender.sendFrame': 'function',
    _isServer: true,
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

// ws's own framing, the oracle for the framework's: an unmasked, unfragmented, uncompressed frame in one buffer.
const { Sender } = createRequire(import.meta.url)('ws') as { Sender: { frame(data: Buffer, options: object): Buffer[] } };

function wsFrame(payload: Buffer, opcode: number): Buffer {
  const parts = Sender.frame(payload, { fin: true, opcode, mask: false, readOnly: true, rsv1: false });
  return Buffer.concat(parts);
}

test('writeText and encodeFrame frame text in one buffer, byte for byte as ws frames it, at every length boundary', async (t) => {
  // Lengths around the 7-bit, 16-bit and 64-bit length forms; multi-byte UTF-8 counts bytes, not characters.
  const texts = ['', 'a', 'é'.repeat(62) + 'a', 'x'.repeat(125), 'x'.repeat(126), 'ü'.repeat(32_767) + 'ab', 'x'.repeat(65_535), 'x'.repeat(65_536), '😀'.repeat(20_000)];
  const chunks: Buffer[][] = [];
  const served = await serve(async (conn, ws) => {
    const sender = internalsOf(ws as WebSocket)._sender!;
    const sendFrame = sender.sendFrame.bind(sender);
    sender.sendFrame = (list, cb) => {
      chunks.push(list);
      sendFrame(list, cb);
    };
    for (const text of texts) writeText(ws as WebSocket, text);
    await conn.receive();
  });
  t.after(() => served.stop());
  const peer = await served.connect();
  for (const text of texts) assert.equal(await peer.nextText(), text);
  assert.equal(chunks.length, texts.length);
  for (const [i, text] of texts.entries()) {
    assert.equal(chunks[i].length, 1, `length ${text.length}: one chunk`);
    assert.deepEqual(chunks[i][0], wsFrame(Buffer.from(text), 0x1), `length ${Buffer.byteLength(text)} bytes`);
    assert.deepEqual(encodeFrame(false, Buffer.from(text)).bytes, chunks[i][0]);
  }
  peer.ws.send('done');
  await once(peer.ws, 'close');
});

test('writeText goes through ws.send when the socket is no longer open, so ws reports the error', async (t) => {
  const served = await serve(async (conn, ws) => {
    await conn.receive().catch(() => undefined);
    ws.close();
    return await new Promise<string>((resolve) => writeText(ws as WebSocket, 'late', (err) => resolve(err?.message ?? 'no error')));
  });
  t.after(() => served.stop());
  const peer = await served.connect();
  peer.ws.send('go');
  assert.match((await served.session).result as string, /WebSocket is not open/);
});

const wss = new WebSocketServer({ noServer: true, maxPayload: 16, autoPong: false });
const server = http.createServer();
const accepted: WebSocket[] = [];
server.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => accepted.push(ws)));
server.listen(0, '127.0.0.1');
await once(server, 'listening');
const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
after(() => server.close());

/** A client and the server's side of it, plus the client's net socket for writing raw frames. */
async function pair(): Promise<{ client: WebSocket; serverSide: WebSocket; raw: Socket }> {
  const count = accepted.length;
  const client = new WebSocket(url);
  const [response] = (await once(client, 'upgrade')) as [http.IncomingMessage];
  if (client.readyState !== client.OPEN) await once(client, 'open');
  while (accepted.length === count) await new Promise((resolve) => setImmediate(resolve));
  return { client, serverSide: accepted[accepted.length - 1], raw: response.socket as Socket };
}

/** A masked client frame (mask key 0, so the payload goes as it is). */
function frame(opcode: number, payload: Buffer): Buffer {
  return Buffer.concat([Buffer.from([0x80 | opcode, 0x80 | payload.length, 0, 0, 0, 0]), payload]);
}

test('peerClose() reads the close frame the peer sent', async () => {
  const { client, serverSide } = await pair();
  assert.equal(peerClose(serverSide), undefined);
  const closing = once(serverSide, 'close');
  client.close(4001, 'bye');
  await closing;
  assert.deepEqual(peerClose(serverSide), { code: 4001, reason: 'bye' });
});

const protocolErrors: Array<[string, Buffer]> = [
  ['invalid UTF-8 in a text frame', frame(0x1, Buffer.from([0xff]))],
  ['a message over maxPayload', frame(0x2, Buffer.alloc(17))],
  ['a reserved opcode', frame(0x3, Buffer.alloc(0))],
];

for (const [what, bytes] of protocolErrors) {
  test(`closeCodeOf() names the close code ws sends for ${what}`, async () => {
    const { client, serverSide, raw } = await pair();
    const failed = once(serverSide, 'error') as Promise<[Error]>;
    const closed = once(client, 'close') as Promise<[number, Buffer]>;
    raw.write(bytes);
    const [[err], [sentCode]] = await Promise.all([failed, closed]);
    assert.match(String((err as { code?: unknown }).code), /^WS_ERR_/, `ws error without a WS_ERR_ code: ${err.message}`);
    assert.equal(closeCodeOf(err), sentCode);
  });
}

test('closeCodeOf() is undefined for errors that are not ws protocol errors', () => {
  assert.equal(closeCodeOf(new Error('boom')), undefined);
  assert.equal(closeCodeOf(Object.assign(new Error('reset'), { code: 'ECONNRESET' })), undefined);
});
