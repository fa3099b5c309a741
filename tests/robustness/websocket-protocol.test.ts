import 'reflect-metadata';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { once } from 'node:events';
import { Connection, ConnectionClosed, Controller, Module, WebSocket, bootstrap, type App } from 'zigmund';
import { TestPeer } from '../websocket/support.js';

const endings: number[] = [];

@Controller()
class EchoController {
  @WebSocket('/ws', { maxMessageBytes: 1024 })
  async echo(conn: Connection) {
    try {
      for await (const message of conn) await conn.sendText(message.text());
    } catch (err) {
      if (!(err instanceof ConnectionClosed)) throw err;
    }
    endings.push(conn.lastCloseCode ?? -1);
  }
}

@Module({ controllers: [EchoController] })
class EchoModule {}

/** A client frame with the given first byte and payload; masked with key 0 unless `masked` is false. */
function frame(first: number, payload: Buffer, masked = true): Buffer {
  const mask = masked ? 0x80 : 0;
  return Buffer.concat([Buffer.from([first, mask | payload.length]), masked ? Buffer.alloc(4) : Buffer.alloc(0), payload]);
}

/** A frame header announcing a payload of 2^63 - 1 bytes, the largest the 64-bit length can say. */
const HUGE_LENGTH = Buffer.from([0x82, 0x80 | 127, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]);

/** Opens a WebSocket by hand over TCP, so that any bytes can follow the handshake. */
async function rawSocket(port: number): Promise<{ socket: Socket; received: () => Buffer }> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  let data = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => (data = Buffer.concat([data, chunk])));
  socket.write(
    'GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
  );
  const deadline = Date.now() + 5_000;
  while (!data.includes('\r\n\r\n')) {
    if (Date.now() > deadline) throw new Error(`no handshake answer: ${data.toString('latin1')}`);
    await once(socket, 'data');
  }
  assert.match(data.toString('latin1'), /^HTTP\/1\.1 101 /);
  const headerEnd = data.indexOf('\r\n\r\n') + 4;
  return { socket, received: () => data.subarray(headerEnd) };
}

/** The close code of the server's close frame, once the server has ended the connection. */
async function closeCodeAfter(port: number, bytes: Buffer): Promise<number> {
  const { socket, received } = await rawSocket(port);
  socket.on('error', () => {});
  socket.write(bytes);
  if (!socket.closed) await once(socket, 'close');
  const frames = received();
  assert.equal(frames[0], 0x88, `the server's first frame is a close frame: ${frames.toString('hex')}`);
  return frames.readUInt16BE(2);
}

describe('WebSocket protocol errors against a Zigmund route', () => {
  let app: App;
  let port: number;
  before(async () => {
    app = await bootstrap(EchoModule, { logStartup: false, handleSignals: false });
    port = Number(new URL(await app.serve({ port: 0 })).port);
  });
  after(() => app.close());

  const cases: [string, Buffer, number][] = [
    ['invalid UTF-8 in a text frame', frame(0x81, Buffer.from([0xce, 0xba, 0xe1, 0xbd, 0xff])), 1007],
    ['a frame header announcing 2^63 - 1 bytes', HUGE_LENGTH, 1009],
    ['a message over maxMessageBytes, in fragments', Buffer.concat([frame(0x01, Buffer.alloc(100, 0x61)), ...Array.from({ length: 10 }, () => frame(0x00, Buffer.alloc(100, 0x61)))]), 1009],
    ['a reserved opcode', frame(0x83, Buffer.alloc(0)), 1002],
    ['an unmasked client frame', frame(0x81, Buffer.from('hi'), false), 1002],
    ['RSV1 set without an agreed extension', frame(0xc1, Buffer.from('hi')), 1002],
    ['a fragmented ping', frame(0x09, Buffer.from('p')), 1002],
    ['a continuation frame with no message to continue', frame(0x80, Buffer.from('x')), 1002],
  ];
  for (const [what, bytes, code] of cases) {
    test(`${what}: the server closes with ${code}`, async () => {
      const before = endings.length;
      assert.equal(await closeCodeAfter(port, bytes), code);
      // The handler's loop ended with the connection, on the code sent.
      const deadline = Date.now() + 5_000;
      while (endings.length === before && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
      assert.equal(endings.at(-1), code);
    });
  }

  test('keeps serving: a well-behaved client still echoes after every protocol error', async () => {
    const peer = await TestPeer.open(`ws://127.0.0.1:${port}/ws`);
    peer.ws.send('still here');
    assert.equal(String(await peer.next()), 'still here');
    peer.ws.close(1000);
    assert.equal((await peer.closed).code, 1000);
  });
});
