// A minimal WebSocket client over net.Socket, cheap enough that the load generator is not
// what limits the measurement: frames are built once, replies are compared as bytes.
import { connect, type Socket } from 'node:net';

// RFC 6455 §5.3: client frames are masked; a fixed key is allowed, only unpredictability is asked for.
const MASK = Buffer.from([0x12, 0x34, 0x56, 0x78]);
const HANDSHAKE_TIMEOUT_MS = 30_000;

/** The masked text frame a client sends. */
export function clientTextFrame(text: string): Buffer {
  const payload = Buffer.from(text);
  if (payload.length > 125) throw new Error('bench frames are small: at most 125 bytes');
  const frame = Buffer.alloc(6 + payload.length);
  frame[0] = 0x81;
  frame[1] = 0x80 | payload.length;
  MASK.copy(frame, 2);
  for (let i = 0; i < payload.length; i++) frame[6 + i] = payload[i] ^ MASK[i & 3];
  return frame;
}

const CLOSE_FRAME = (() => {
  const frame = Buffer.from([0x88, 0x82, ...MASK, 0x03, 0xe8]);
  frame[6] ^= MASK[0];
  frame[7] ^= MASK[1];
  return frame;
})();

/** One open connection: text messages arrive through `onText`, in order. */
export class WsClient {
  onText: (text: Buffer) => void = () => undefined;
  private pending: Buffer = Buffer.alloc(0);

  constructor(readonly socket: Socket) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      // Replies sent from onText go out in one write per chunk read, not one per frame.
      socket.cork();
      this.parse(chunk);
      socket.uncork();
    });
  }

  send(frames: Buffer): void {
    this.socket.write(frames);
  }

  /** Sends a close frame and ends the socket. */
  close(): void {
    if (this.socket.destroyed) return;
    this.socket.end(CLOSE_FRAME);
    this.socket.setTimeout(2000, () => this.socket.destroy());
  }

  parse(chunk: Buffer): void {
    let buf = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    let offset = 0;
    while (buf.length - offset >= 2) {
      const opcode = buf[offset] & 0x0f;
      let length = buf[offset + 1] & 0x7f;
      let header = 2;
      if (length === 126) {
        if (buf.length - offset < 4) break;
        length = buf.readUInt16BE(offset + 2);
        header = 4;
      } else if (length === 127) {
        if (buf.length - offset < 10) break;
        length = Number(buf.readBigUInt64BE(offset + 2));
        header = 10;
      }
      if (buf.length - offset < header + length) break;
      const payload = buf.subarray(offset + header, offset + header + length);
      offset += header + length;
      if (opcode === 0x1 || opcode === 0x2) this.onText(payload);
      else if (opcode === 0x8) this.socket.end();
    }
    buf = buf.subarray(offset);
    this.pending = buf.length === 0 ? Buffer.alloc(0) : Buffer.from(buf);
  }
}

/**
 * Opens a WebSocket to 127.0.0.1:`port``path`; with `greeting`, waits for that first message.
 * `localAddress` is the loopback address to connect from (default 127.0.0.1).
 */
export function openWs(port: number, path: string, greeting?: string, localAddress?: string): Promise<WsClient> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1', localAddress });
    let head = Buffer.alloc(0);
    const fail = (err: Error) => {
      socket.destroy();
      reject(err);
    };
    socket.setTimeout(HANDSHAKE_TIMEOUT_MS, () => fail(new Error(`WebSocket handshake to ${path} timed out`)));
    socket.once('error', fail);
    socket.on('connect', () => {
      socket.write(
        `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
      );
    });
    const onHead = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end === -1) return;
      socket.off('data', onHead);
      socket.off('error', fail);
      socket.setTimeout(0);
      const status = head.subarray(0, head.indexOf('\r\n')).toString();
      if (!/^HTTP\/1\.1 101/.test(status)) return fail(new Error(`WebSocket upgrade to ${path} answered "${status}"`));
      socket.on('error', () => socket.destroy());
      const client = new WsClient(socket);
      const rest = head.subarray(end + 4);
      if (greeting === undefined) {
        resolve(client);
        // Frames that came with the handshake wait until the caller has set onText.
        if (rest.length > 0) setImmediate(() => client.parse(rest));
        return;
      }
      client.onText = (text) => {
        client.onText = () => undefined;
        if (text.toString() === greeting) resolve(client);
        else fail(new Error(`expected the greeting "${greeting}", got "${text}"`));
      };
      if (rest.length > 0) client.parse(rest);
    };
    socket.on('data', onHead);
  });
}
