import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import { compileDto, type DtoValidator } from '../validation/dto.js';
import { RequestValidationError } from '../validation/errors.js';
import { CloseCode, isSendableCloseCode, truncateCloseReason } from './close-codes.js';
import { ConnectionClosed } from './errors.js';
import { Inbox } from './inbox.js';
import { Message, type Opcode } from './message.js';
import { nonNegative, positive, type ResolvedSocketLimits } from './options.js';
import { SendGate, type Frame } from './send-gate.js';

// How long close() waits for the peer to finish the close handshake before terminating.
const CLOSE_GRACE_MS = 5_000;

// Fields ws keeps private but has had throughout v8: the net socket (for 'drain'), the
// auto-pong switch, and the close frame received while the handshake is still under way.
interface WsInternals {
  _socket: Socket | null;
  _autoPong?: boolean;
  _closeFrameReceived: boolean;
  _closeCode: number;
  _closeMessage: Buffer;
}

/** How a connection ended: the close code and reason received, sent, or 1006 when it just dropped. */
export interface CloseInfo {
  code: number;
  reason: string;
}

const validators = new WeakMap<Function, DtoValidator>();

/**
 * One WebSocket connection, as a handler sees it: ordered, backpressured sends and receives,
 * with the route's limits enforced on their own timers.
 * @example
 * for await (const msg of conn) if (msg.opcode === 'text') await conn.sendText(`echo: ${msg.text()}`);
 */
export class Connection {
  /** Resolves once the socket is fully closed, for any cause: close handshake, terminate, dropped network. */
  readonly closed: Promise<CloseInfo>;

  private readonly socket: WebSocket;
  private readonly internals: WsInternals;
  private readonly limits: ResolvedSocketLimits;
  private readonly address: string | undefined;
  private readonly inbox: Inbox;
  private readonly gate: SendGate;
  private ending: CloseInfo | undefined;
  private pingTimer: NodeJS.Timeout | undefined;
  private pongTimer: NodeJS.Timeout | undefined;
  private graceTimer: NodeJS.Timeout | undefined;
  private resolveClosed!: (info: CloseInfo) => void;

  constructor(socket: WebSocket, init: { limits: ResolvedSocketLimits; remoteAddress?: string }) {
    this.socket = socket;
    this.internals = socket as unknown as WsInternals;
    this.limits = { ...init.limits };
    this.address = init.remoteAddress;
    this.inbox = new Inbox(socket, () => this.limits.maxPendingMessages);
    this.gate = new SendGate(socket, () => this.ending !== undefined || socket.readyState > socket.OPEN, () => this.closedError());
    this.closed = new Promise((resolve) => (this.resolveClosed = resolve));
    // The Connection answers pings itself, so that setAutoPong() works while the socket is open.
    this.internals._autoPong = false;
    socket.binaryType = 'nodebuffer';
    socket.on('message', (data, isBinary) => this.onData(isBinary ? 'binary' : 'text', data as Buffer));
    socket.on('ping', (data) => this.onPing(data));
    socket.on('pong', (data) => this.onPong(data));
    socket.on('error', (err) => this.onError(err));
    socket.once('close', (code, reason) => this.onClose({ code, reason: reason.toString() }));
    if (socket.readyState === socket.CONNECTING) socket.once('open', () => this.onOpen());
    else if (socket.readyState === socket.OPEN) this.onOpen();
    else if (socket.readyState === socket.CLOSED) this.onClose(this.peerClose() ?? { code: CloseCode.ABNORMAL, reason: '' });
  }

  /** Sends a text message; resolves once it is handed to the socket. */
  sendText(text: string): Promise<void> {
    return this.write((done) => this.socket.send(text, { binary: false }, done));
  }

  /** Sends a binary message; resolves once it is handed to the socket. */
  sendBinary(bytes: Uint8Array | ArrayBuffer): Promise<void> {
    return this.write((done) => this.socket.send(bytes, { binary: true }, done));
  }

  /** Sends `value` as JSON in a text message. */
  sendJson(value: unknown): Promise<void> {
    return this.sendText(JSON.stringify(value) ?? 'null');
  }

  /** Sends a ping (payload of at most 125 bytes). */
  ping(payload: string | Uint8Array = Buffer.alloc(0)): Promise<void> {
    return this.write((done) => this.socket.ping(payload, undefined, done));
  }

  /**
   * The next message, in arrival order, waiting at most `idleTimeoutMs` (then `ConnectionTimeout`,
   * and the connection stays open). Once the connection is closed, messages already received
   * are still delivered, then it rejects with `ConnectionClosed`.
   */
  receive(): Promise<Message> {
    return this.receiveWithTimeout(this.limits.idleTimeoutMs);
  }

  /** Alias of `receive()`, Zigmund's name. */
  receiveSmall(): Promise<Message> {
    return this.receive();
  }

  /** Like `receive()`, waiting at most `ms` instead of `idleTimeoutMs` (0 = forever). */
  receiveWithTimeout(ms: number): Promise<Message> {
    nonNegative('timeout', ms);
    return this.inbox.take(ms, () => (this.ending === undefined ? undefined : this.closedError()));
  }

  /** Alias of `receiveWithTimeout(ms)`, Zigmund's name. */
  receiveSmallWithTimeout(ms: number): Promise<Message> {
    return this.receiveWithTimeout(ms);
  }

  /**
   * The next message's payload parsed as JSON and, given a class-validator DTO, validated into
   * an instance. Bad JSON or a failed validation rejects with `RequestValidationError`
   * (`loc` starts with `"message"`); the connection stays open.
   */
  receiveJson(): Promise<unknown>;
  receiveJson<T extends object>(dto: new (...args: any[]) => T): Promise<T>;
  async receiveJson(dto?: Function): Promise<unknown> {
    const text = (await this.receive()).text();
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      const error = (err as Error).message;
      throw new RequestValidationError([{ type: 'json_invalid', loc: ['message'], msg: 'JSON decode error', input: text, ctx: { error } }]);
    }
    if (dto === undefined) return value;
    let validate = validators.get(dto);
    if (validate === undefined) {
      validate = compileDto(dto);
      validators.set(dto, validate);
    }
    const result = await validate(value, ['message']);
    if (result.errors !== undefined) throw new RequestValidationError(result.errors);
    return result.value;
  }

  /** Yields messages until the connection closes; idle timeouts do not end it. */
  async *[Symbol.asyncIterator](): AsyncGenerator<Message, void, undefined> {
    for (;;) {
      let message: Message;
      try {
        message = await this.receiveWithTimeout(0);
      } catch (err) {
        if (err instanceof ConnectionClosed) return;
        throw err;
      }
      yield message;
    }
  }

  /**
   * Starts the close handshake (the reason is cut to 123 bytes of UTF-8) and resolves when the
   * socket is closed; a peer that does not answer within 5 s is cut off. Calling it again is harmless.
   */
  close(code: number = CloseCode.NORMAL, reason = ''): Promise<void> {
    if (!isSendableCloseCode(code)) throw new RangeError(`${code} is not a close code an endpoint may send`);
    this.beginClose(code, truncateCloseReason(reason), CLOSE_GRACE_MS);
    return this.closed.then(() => undefined);
  }

  /** Alias of `close(code, reason)`, Zigmund's name. */
  closeWithCode(code: number, reason = ''): Promise<void> {
    return this.close(code, reason);
  }

  /** The close code received or sent, once closing has begun. */
  get lastCloseCode(): number | undefined {
    return (this.ending ?? this.peerClose())?.code;
  }

  /** The agreed subprotocol, `''` when none. */
  get subprotocol(): string {
    return this.socket.protocol;
  }

  /** True until either side starts closing. */
  get isOpen(): boolean {
    return this.ending === undefined && this.socket.readyState === this.socket.OPEN;
  }

  /** Bytes handed to the socket that the peer has not taken yet. */
  get bufferedAmount(): number {
    return this.socket.bufferedAmount;
  }

  /** The peer's IP address, `''` when unknown. */
  get remoteAddress(): string {
    return this.address ?? this.internals._socket?.remoteAddress ?? '';
  }

  /** Changes how long `receive()` waits (0 = forever) for the calls that follow. */
  setIdleTimeoutMs(ms: number): void {
    this.limits.idleTimeoutMs = nonNegative('idleTimeoutMs', ms);
  }

  /** Turns automatic pong replies on or off; when off, pings and pongs reach `receive()`. */
  setAutoPong(on: boolean): void {
    this.limits.autoPong = on;
  }

  /** Pings every `intervalMs` (0 = never) and closes with 1011 when no pong follows within `pongTimeoutMs` (0 = no limit). */
  setPingPolicy(intervalMs: number, pongTimeoutMs: number): void {
    this.limits.pingIntervalMs = nonNegative('pingIntervalMs', intervalMs);
    this.limits.pongTimeoutMs = nonNegative('pongTimeoutMs', pongTimeoutMs);
    this.startHeartbeat();
  }

  /** Changes the largest message accepted; a bigger one closes the connection with 1009. */
  setMaxMessageBytes(bytes: number): void {
    this.limits.maxMessageBytes = positive('maxMessageBytes', bytes);
  }

  /** Changes how long a send may wait for the peer to read (0 = forever). */
  setSendTimeoutMs(ms: number): void {
    this.limits.sendTimeoutMs = nonNegative('sendTimeoutMs', ms);
  }

  private write(frame: Frame): Promise<void> {
    return this.gate.write(frame, this.limits.sendTimeoutMs);
  }

  private onOpen(): void {
    this.gate.open(this.internals._socket);
    this.startHeartbeat();
  }

  private onData(opcode: Opcode, data: Buffer): void {
    // After close() the handler has stopped reading; what the peer sends meanwhile is discarded.
    if (this.ending !== undefined) return;
    if (data.length > this.limits.maxMessageBytes) return this.beginClose(CloseCode.MESSAGE_TOO_BIG, 'message too big', CLOSE_GRACE_MS);
    this.inbox.push(new Message(opcode, data));
  }

  private onPing(data: Buffer): void {
    if (this.ending !== undefined) return;
    if (!this.limits.autoPong) return this.inbox.push(new Message('ping', data));
    // RFC 6455 §5.5.3 allows answering only some pings: skipping them when the peer is not
    // reading keeps a ping flood from filling the send buffer.
    if (this.socket.readyState === this.socket.OPEN && this.gate.hasRoom()) this.socket.pong(data);
  }

  private onPong(data: Buffer): void {
    clearTimeout(this.pongTimer);
    this.pongTimer = undefined;
    if (this.ending === undefined && !this.limits.autoPong) this.inbox.push(new Message('pong', data));
  }

  private onError(err: Error): void {
    // ws has already sent the close frame for a protocol error (1009 for a frame over maxPayload);
    // remember its code, or the handler would only see the 1006 of the 'close' that follows.
    const code = closeCodeOf(err);
    if (code !== undefined) this.beginClose(code, '', CLOSE_GRACE_MS);
  }

  private onClose(info: CloseInfo): void {
    this.ending ??= info;
    this.stopHeartbeat();
    clearTimeout(this.graceTimer);
    this.inbox.fail(() => this.closedError());
    this.gate.shut();
    this.resolveClosed(this.ending);
  }

  private beginClose(code: number, reason: string, graceMs: number): void {
    if (this.ending !== undefined) return;
    this.ending = this.peerClose() ?? { code, reason };
    this.stopHeartbeat();
    this.inbox.fail(() => this.closedError());
    this.gate.shut();
    // The peer's close frame must be read to finish the handshake, even if a full inbox paused reading.
    this.inbox.unpause();
    this.socket.close(code, reason);
    this.graceTimer = setTimeout(() => this.socket.terminate(), graceMs).unref();
  }

  private startHeartbeat(): void {
    this.stopHeartbeat();
    const { pingIntervalMs, pongTimeoutMs } = this.limits;
    if (pingIntervalMs === 0 || this.ending !== undefined || this.socket.readyState !== this.socket.OPEN) return;
    this.pingTimer = setInterval(() => {
      if (this.socket.readyState !== this.socket.OPEN) return;
      this.socket.ping();
      if (this.pongTimer !== undefined || pongTimeoutMs === 0) return;
      // A peer given pongTimeoutMs to answer a ping gets as long again to answer the close.
      this.pongTimer = setTimeout(() => this.beginClose(CloseCode.INTERNAL_ERROR, 'pong timeout', pongTimeoutMs), pongTimeoutMs).unref();
    }, pingIntervalMs).unref();
  }

  private stopHeartbeat(): void {
    clearInterval(this.pingTimer);
    clearTimeout(this.pongTimer);
    this.pingTimer = this.pongTimer = undefined;
  }

  private peerClose(): CloseInfo | undefined {
    const ws = this.internals;
    return ws._closeFrameReceived ? { code: ws._closeCode, reason: ws._closeMessage.toString() } : undefined;
  }

  private closedError(): ConnectionClosed {
    const info = this.ending ?? this.peerClose() ?? { code: CloseCode.ABNORMAL, reason: '' };
    return new ConnectionClosed(info.code, info.reason);
  }
}

// ws tags each protocol error with the close code it sent, under a module-private symbol.
function closeCodeOf(err: Error): number | undefined {
  const key = Object.getOwnPropertySymbols(err).find((symbol) => symbol.description === 'status-code');
  const code = key === undefined ? undefined : (err as unknown as Record<symbol, unknown>)[key];
  return typeof code === 'number' ? code : undefined;
}
