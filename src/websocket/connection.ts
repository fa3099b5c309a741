import type { Duplex } from 'node:stream';
import type { RawData, WebSocket } from 'ws';
import { compileDto, type DtoValidator } from '../validation/dto.js';
import { RequestValidationError } from '../validation/errors.js';
import { DEFAULT_MAX_JSON_DEPTH, depthOverflowAt, tooDeep } from '../validation/json-depth.js';
import { CloseCode, isSendableCloseCode, truncateCloseReason } from './close-codes.js';
import { ConnectionClosed } from './errors.js';
import { Inbox } from './inbox.js';
import { Message, type Opcode } from './message.js';
import { nonNegative, positive, type ResolvedSocketLimits } from './options.js';
import { SendGate } from './send-gate.js';
import { closeCodeOf, closedError, peerClose, type CloseInfo, type EncodedFrame } from './ws-internals.js';

export type { CloseInfo } from './ws-internals.js';

// How long close() waits for the peer to finish the close handshake before terminating.
const CLOSE_GRACE_MS = 5_000;

// The ws socket points back at its Connection, so that one set of listener functions serves
// every connection instead of five closures each: idle connections are kept by the ten thousand.
const OWNER = Symbol('zigmund.connection');
type OwnedSocket = WebSocket & { [OWNER]: Connection };

/** Where a connection is in its life. */
type ConnectionState = 'connecting' | 'open' | 'closing' | 'closed';

const validators = new WeakMap<Function, DtoValidator>();

/**
 * What a Hub needs of a connection and a handler must not see: hand it a frame encoded once
 * for many sockets, without a promise (false when the connection is closed or has just been
 * closed for holding more than `maxBufferedBytes`, the route's unless one is given), and hear
 * once when it starts closing.
 */
export let pushEncoded: (conn: Connection, frame: EncodedFrame, maxBufferedBytes?: number) => boolean;
export let onEnding: (conn: Connection, listener: () => void) => void;

/**
 * One WebSocket connection, as a handler sees it: ordered, backpressured sends and receives,
 * with the route's limits enforced on their own timers.
 * @example
 * for await (const msg of conn) if (msg.opcode === 'text') await conn.sendText(`echo: ${msg.text()}`);
 */
export class Connection {
  private readonly socket: WebSocket;
  // The route's limits, shared by its connections until a setter makes this one its own copy.
  private limits: ResolvedSocketLimits;
  private ownsLimits = false;
  private address: string | undefined;
  private readonly transport: Duplex;
  private readonly maxJsonDepth: number;
  private readonly inbox: Inbox;
  private readonly gate: SendGate;
  // One state, as Starlette's WebSocketState; `ending` is how it ended, set on leaving 'open'.
  private state: ConnectionState = 'connecting';
  private ending: CloseInfo | undefined;
  private closedPromise: Promise<CloseInfo> | undefined;
  private resolveClosed: ((info: CloseInfo) => void) | undefined;
  private pingTimer: NodeJS.Timeout | undefined;
  private pongTimer: NodeJS.Timeout | undefined;
  private graceTimer: NodeJS.Timeout | undefined;
  private endingListeners: (() => void)[] | undefined;

  static {
    pushEncoded = (conn, frame, maxBufferedBytes) => conn.gate.push(frame, maxBufferedBytes ?? conn.limits.maxBufferedBytes);
    onEnding = (conn, listener) => {
      if (conn.isEnding()) return listener();
      (conn.endingListeners ??= []).push(listener);
    };
  }

  /**
   * `transport` is the stream the WebSocket runs on (the upgraded net socket). The socket must
   * be made with `autoPong: false`: the Connection answers pings itself, so that
   * setAutoPong() works while it is open.
   */
  constructor(socket: WebSocket, init: { limits: ResolvedSocketLimits; transport: Duplex; remoteAddress?: string; maxJsonDepth?: number }) {
    this.socket = socket;
    this.limits = init.limits;
    this.address = init.remoteAddress;
    this.transport = init.transport;
    this.maxJsonDepth = init.maxJsonDepth ?? DEFAULT_MAX_JSON_DEPTH;
    this.inbox = new Inbox(socket);
    this.gate = new SendGate(socket, () => this.beginClose(CloseCode.TRY_AGAIN_LATER, 'send buffer full', CLOSE_GRACE_MS));
    (socket as OwnedSocket)[OWNER] = this;
    socket.binaryType = 'nodebuffer';
    socket.on('message', Connection.onMessage);
    socket.on('ping', Connection.onPingFrame);
    socket.on('pong', Connection.onPongFrame);
    socket.on('error', Connection.onSocketError);
    socket.on('close', Connection.onSocketClose);
    if (socket.readyState === socket.CONNECTING) socket.once('open', Connection.onSocketOpen);
    else if (socket.readyState === socket.OPEN) this.onOpen();
    else if (socket.readyState === socket.CLOSED) this.onClose(peerClose(socket) ?? { code: CloseCode.ABNORMAL, reason: '' });
  }

  /** Resolves once the socket is fully closed, for any cause: close handshake, terminate, dropped network. */
  get closed(): Promise<CloseInfo> {
    // Made on first use: most connections are never asked.
    if (this.closedPromise === undefined) {
      if (this.state === 'closed') this.closedPromise = Promise.resolve(this.ending!);
      else this.closedPromise = new Promise((resolve) => (this.resolveClosed = resolve));
    }
    return this.closedPromise;
  }

  /** Sends a text message; resolves once it is handed to the socket. */
  sendText(text: string): Promise<void> {
    return this.gate.write('text', text, this.limits.sendTimeoutMs, this.limits.maxBufferedBytes);
  }

  /** Sends a binary message; resolves once it is handed to the socket. */
  sendBinary(bytes: Uint8Array | ArrayBuffer): Promise<void> {
    return this.gate.write('binary', bytes, this.limits.sendTimeoutMs, this.limits.maxBufferedBytes);
  }

  /** Sends `value` as JSON in a text message. */
  sendJson(value: unknown): Promise<void> {
    return this.sendText(JSON.stringify(value) ?? 'null');
  }

  /** Sends a ping (payload of at most 125 bytes). */
  ping(payload: string | Uint8Array = Buffer.alloc(0)): Promise<void> {
    return this.gate.write('ping', payload, this.limits.sendTimeoutMs, this.limits.maxBufferedBytes);
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
    return this.inbox.take(ms, this.limits.maxPendingMessages, this.isEnding() ? this.closedError() : undefined);
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
    if (depthOverflowAt(text, this.maxJsonDepth) !== -1) throw new RequestValidationError([tooDeep(['message'], this.maxJsonDepth)]);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      const error = (err as Error).message;
      throw new RequestValidationError([{ type: 'json_invalid', loc: ['message'], msg: 'JSON decode error', input: text, ctx: { error } }], text);
    }
    if (dto === undefined) return value;
    let validate = validators.get(dto);
    if (validate === undefined) {
      validate = compileDto(dto);
      validators.set(dto, validate);
    }
    const result = await validate(value, ['message']);
    if (result.errors !== undefined) throw new RequestValidationError(result.errors, value);
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
    return (this.ending ?? peerClose(this.socket))?.code;
  }

  /** The agreed subprotocol, `''` when none. */
  get subprotocol(): string {
    return this.socket.protocol;
  }

  /** True until either side starts closing. */
  get isOpen(): boolean {
    return this.state === 'open' && this.socket.readyState === this.socket.OPEN;
  }

  /** Bytes handed to the socket that the peer has not taken yet. */
  get bufferedAmount(): number {
    return this.socket.bufferedAmount;
  }

  /** The peer's IP address, `''` when unknown (the address of a closed socket is known only if it was read while open). */
  get remoteAddress(): string {
    return (this.address ??= (this.transport as { remoteAddress?: string }).remoteAddress) ?? '';
  }

  /** Changes how long `receive()` waits (0 = forever) for the calls that follow. */
  setIdleTimeoutMs(ms: number): void {
    this.ownLimits().idleTimeoutMs = nonNegative('idleTimeoutMs', ms);
  }

  /** Turns automatic pong replies on or off; when off, pings and pongs reach `receive()`. */
  setAutoPong(on: boolean): void {
    this.ownLimits().autoPong = on;
  }

  /** Pings every `intervalMs` (0 = never) and closes with 1011 when no pong follows within `pongTimeoutMs` (0 = no limit). */
  setPingPolicy(intervalMs: number, pongTimeoutMs: number): void {
    this.ownLimits().pingIntervalMs = nonNegative('pingIntervalMs', intervalMs);
    this.limits.pongTimeoutMs = nonNegative('pongTimeoutMs', pongTimeoutMs);
    this.startHeartbeat();
  }

  /** Changes the largest message accepted; a bigger one closes the connection with 1009. */
  setMaxMessageBytes(bytes: number): void {
    this.ownLimits().maxMessageBytes = positive('maxMessageBytes', bytes);
  }

  /** Changes how long a send may wait for the peer to read (0 = forever). */
  setSendTimeoutMs(ms: number): void {
    this.ownLimits().sendTimeoutMs = nonNegative('sendTimeoutMs', ms);
  }

  /** Changes how many unsent bytes the connection may hold before it is closed with 1013. */
  setMaxBufferedBytes(bytes: number): void {
    this.ownLimits().maxBufferedBytes = positive('maxBufferedBytes', bytes);
  }

  private onOpen(): void {
    if (this.state !== 'connecting') return;
    this.state = 'open';
    this.gate.open(this.transport);
    this.startHeartbeat();
  }

  private onData(opcode: Opcode, data: Buffer): void {
    // After close() the handler has stopped reading; what the peer sends meanwhile is discarded.
    if (this.isEnding()) return;
    if (data.length > this.limits.maxMessageBytes) return this.beginClose(CloseCode.MESSAGE_TOO_BIG, 'message too big', CLOSE_GRACE_MS);
    this.inbox.push(new Message(opcode, data), this.limits.maxPendingMessages);
  }

  private onPing(data: Buffer): void {
    if (this.isEnding()) return;
    if (!this.limits.autoPong) return this.inbox.push(new Message('ping', data), this.limits.maxPendingMessages);
    // RFC 6455 §5.5.3 allows answering only some pings: skipping them when the peer is not
    // reading keeps a ping flood from filling the send buffer.
    if (this.socket.readyState === this.socket.OPEN && this.gate.hasRoom()) this.socket.pong(data);
  }

  private onPong(data: Buffer): void {
    clearTimeout(this.pongTimer);
    this.pongTimer = undefined;
    if (!this.isEnding() && !this.limits.autoPong) this.inbox.push(new Message('pong', data), this.limits.maxPendingMessages);
  }

  private onError(err: Error): void {
    // ws has already sent the close frame for a protocol error (1009 for a frame over maxPayload);
    // remember its code, or the handler would only see the 1006 of the 'close' that follows.
    const code = closeCodeOf(err);
    if (code !== undefined) this.beginClose(code, '', CLOSE_GRACE_MS);
  }

  private onClose(info: CloseInfo): void {
    const ending = (this.ending ??= info);
    this.state = 'closed';
    this.notifyEnding();
    this.stopHeartbeat();
    clearTimeout(this.graceTimer);
    this.inbox.fail(() => this.closedError());
    this.gate.shut(ending);
    this.resolveClosed?.(ending);
  }

  private beginClose(code: number, reason: string, graceMs: number): void {
    if (this.isEnding()) return;
    this.state = 'closing';
    const ending = (this.ending = peerClose(this.socket) ?? { code, reason });
    this.notifyEnding();
    this.stopHeartbeat();
    this.inbox.fail(() => this.closedError());
    this.gate.shut(ending);
    // The peer's close frame must be read to finish the handshake, even if a full inbox paused reading.
    this.inbox.unpause();
    this.socket.close(code, reason);
    this.graceTimer = setTimeout(() => this.socket.terminate(), graceMs).unref();
  }

  private notifyEnding(): void {
    const listeners = this.endingListeners;
    if (listeners === undefined) return;
    this.endingListeners = undefined;
    for (const listener of listeners) listener();
  }

  private startHeartbeat(): void {
    this.stopHeartbeat();
    const { pingIntervalMs, pongTimeoutMs } = this.limits;
    if (pingIntervalMs === 0 || this.state !== 'open' || this.socket.readyState !== this.socket.OPEN) return;
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

  /** Closing or closed: the handler's side of the connection is over. */
  private isEnding(): boolean {
    return this.state === 'closing' || this.state === 'closed';
  }

  private closedError(): ConnectionClosed {
    return closedError(this.socket, this.ending);
  }

  private ownLimits(): ResolvedSocketLimits {
    if (!this.ownsLimits) {
      this.limits = { ...this.limits };
      this.ownsLimits = true;
    }
    return this.limits;
  }

  // ws calls its listeners with the socket as `this`.
  private static onMessage(this: WebSocket, data: RawData, isBinary: boolean): void {
    (this as OwnedSocket)[OWNER].onData(isBinary ? 'binary' : 'text', data as Buffer);
  }

  private static onPingFrame(this: WebSocket, data: Buffer): void {
    (this as OwnedSocket)[OWNER].onPing(data);
  }

  private static onPongFrame(this: WebSocket, data: Buffer): void {
    (this as OwnedSocket)[OWNER].onPong(data);
  }

  private static onSocketError(this: WebSocket, err: Error): void {
    (this as OwnedSocket)[OWNER].onError(err);
  }

  private static onSocketClose(this: WebSocket, code: number, reason: Buffer): void {
    (this as OwnedSocket)[OWNER].onClose({ code, reason: reason.toString() });
  }

  private static onSocketOpen(this: WebSocket): void {
    (this as OwnedSocket)[OWNER].onOpen();
  }
}
