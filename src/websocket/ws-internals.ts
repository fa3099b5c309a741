import type { WebSocket } from 'ws';
import { CloseCode } from './close-codes.js';
import { ConnectionClosed } from './errors.js';

/**
 * The one place that reads what ws keeps private: the close frame received while the close
 * handshake is still under way (ws reports it publicly only with the 'close' event, after the
 * handshake), and the sender (to write a frame encoded once for many sockets). The fields have
 * been there throughout ws 8; `tests/websocket/ws-internals.test.ts` fails naming the field if
 * an update changes them.
 */
interface WsInternals {
  _closeFrameReceived: boolean;
  _closeCode: number;
  _closeMessage: Buffer;
  _sender: WsSender | null;
  /** Server sockets send unmasked frames; a client's must be masked. */
  _isServer: boolean;
}

/** ws's `Sender`: `_state` is 0 (DEFAULT) unless it is compressing or reading a Blob, when frames queue in `_queue`. */
export interface WsSender {
  _state: number;
  _queue: unknown[];
  sendFrame(list: Buffer[], cb?: (err?: Error) => void): void;
}

/**
 * A message framed once, to be written to many sockets as is: server frames are not masked,
 * so the same bytes serve every peer. `payload` is kept for the rare socket whose sender is
 * busy, which must take the message through its own queue to keep the order.
 */
export interface EncodedFrame {
  readonly binary: boolean;
  readonly payload: Buffer;
  readonly bytes: Buffer;
}

const OPCODE_TEXT = 0x1;
const OPCODE_BINARY = 0x2;

/** ws's private fields of a socket, for this file and its shape test. */
export function internalsOf(socket: WebSocket): WsInternals {
  return socket as unknown as WsInternals;
}

/**
 * A buffer for one unfragmented, unmasked, uncompressed data frame of `length` payload bytes,
 * its header (RFC 6455 §5.2) written; the payload goes in its last `length` bytes.
 */
function frameFor(opcode: number, length: number): Buffer {
  const head = length < 126 ? 2 : length < 65536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(head + length);
  frame[0] = 0x80 | opcode;
  if (head === 2) {
    frame[1] = length;
  } else if (head === 4) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt16BE(0, 2);
    frame.writeUIntBE(length, 4, 6);
  }
  return frame;
}

/** Encodes one unfragmented, unmasked, uncompressed data frame. */
export function encodeFrame(binary: boolean, payload: Buffer): EncodedFrame {
  const frame = frameFor(binary ? OPCODE_BINARY : OPCODE_TEXT, payload.length);
  payload.copy(frame, frame.length - payload.length);
  return { binary, payload, bytes: frame };
}

const OPEN = 1;
const TEXT_SEND = { binary: false };

/**
 * Sends a text message as one unmasked frame in one buffer. ws's own `send` hands the socket
 * the header and the payload as two chunks, after building two option objects per call; on a
 * corked socket (see `SendGate`) one chunk a frame halves the bookkeeping of the write. Goes
 * through `send` when ws has frames queued (their order must hold), the socket is not open (ws
 * then reports the error), it is a client's (whose frames are masked), or the value is not a
 * string (ws converts it).
 */
export function writeText(socket: WebSocket, text: string, done?: (err?: Error) => void): void {
  const internals = internalsOf(socket);
  const sender = internals._sender;
  if (typeof text !== 'string' || !internals._isServer || socket.readyState !== OPEN || sender === null || sender._state !== 0 || sender._queue.length > 0) {
    return socket.send(text, TEXT_SEND, done);
  }
  const length = Buffer.byteLength(text);
  const frame = frameFor(OPCODE_TEXT, length);
  frame.write(text, frame.length - length, 'utf8');
  sender.sendFrame([frame], done);
}

/** Writes an encoded frame through the socket's sender, in order with the frames ws sent before it. */
export function writeEncoded(socket: WebSocket, frame: EncodedFrame, done?: (err?: Error) => void): void {
  const sender = internalsOf(socket)._sender;
  if (sender === null || sender._state !== 0 || sender._queue.length > 0) {
    socket.send(frame.payload, { binary: frame.binary }, done);
    return;
  }
  sender.sendFrame([frame.bytes], done);
}

/** How a connection ended: the close code and reason received, sent, or 1006 when it just dropped. */
export interface CloseInfo {
  code: number;
  reason: string;
}

/** The close frame the peer sent, if one has arrived. */
export function peerClose(socket: WebSocket): CloseInfo | undefined {
  const ws = internalsOf(socket);
  return ws._closeFrameReceived ? { code: ws._closeCode, reason: ws._closeMessage.toString() } : undefined;
}

/** The error a closed connection's sends and receives reject with: `ending`, else the peer's close frame, else 1006. */
export function closedError(socket: WebSocket, ending: CloseInfo | undefined): ConnectionClosed {
  const info = ending ?? peerClose(socket) ?? { code: CloseCode.ABNORMAL, reason: '' };
  return new ConnectionClosed(info.code, info.reason);
}

// The close code ws sends for each of its documented protocol error codes (`err.code`); any
// other `WS_ERR_*` is a protocol error (1002).
const CLOSE_CODE_OF_WS_ERROR: Record<string, number> = {
  WS_ERR_UNSUPPORTED_MESSAGE_LENGTH: CloseCode.MESSAGE_TOO_BIG,
  WS_ERR_UNSUPPORTED_DATA_PAYLOAD_LENGTH: CloseCode.MESSAGE_TOO_BIG,
  WS_ERR_INVALID_UTF8: CloseCode.INVALID_PAYLOAD,
  WS_ERR_TOO_MANY_BUFFERED_PARTS: CloseCode.POLICY_VIOLATION,
};

/** The close code ws sent for a protocol error it emitted, or undefined for any other error. */
export function closeCodeOf(err: Error): number | undefined {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('WS_ERR_')) return undefined;
  return CLOSE_CODE_OF_WS_ERROR[code] ?? CloseCode.PROTOCOL_ERROR;
}
