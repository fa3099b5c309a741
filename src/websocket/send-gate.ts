import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import { ConnectionTimeout } from './errors.js';
import { closedError, writeEncoded, writeText, type CloseInfo, type EncodedFrame } from './ws-internals.js';

// Past this many bytes queued for the peer, sends wait for 'drain': enough to keep a fast
// link busy, small enough that a client that stops reading costs a bounded amount of memory.
const SEND_HIGH_WATER_MARK = 256 * 1024;

const HANDED_OVER = Promise.resolve();
const BINARY = { binary: true };
const noop = () => undefined;

/** The kinds of frame a connection sends through the gate; `encoded` is a frame framed once for many sockets. */
export type FrameKind = 'text' | 'binary' | 'ping' | 'encoded';
type Payload = string | Uint8Array | ArrayBuffer | EncodedFrame;

// Frames are passed as kind + payload rather than as a closure: one allocation fewer per send.
function writeFrame(socket: WebSocket, kind: FrameKind, data: Payload, done?: (err?: Error) => void): void {
  if (kind === 'text') writeText(socket, data as string, done);
  else if (kind === 'encoded') writeEncoded(socket, data as EncodedFrame, done);
  else if (kind === 'ping') socket.ping(data as string | Uint8Array, undefined, done);
  else socket.send(data as Uint8Array | ArrayBuffer, BINARY, done);
}

function sizeOf(data: Payload): number {
  if (typeof data === 'string') return Buffer.byteLength(data);
  if ('bytes' in data) return data.bytes.length;
  return data.byteLength;
}

function uncork(raw: Duplex): void {
  raw.uncork();
}

// A send that fails is marked handled, so a send that was not awaited cannot bring the
// process down with an unhandled rejection; whoever awaits it still gets the error.
function rejected(err: unknown): Promise<void> {
  const promise = Promise.reject(err);
  promise.catch(noop);
  return promise;
}

/**
 * Writes a connection's frames in call order, holding them back while more than
 * `SEND_HIGH_WATER_MARK` bytes wait for the peer. The queue and the 'drain' listener exist
 * only once a send has had to wait: most connections never do, and idle ones are kept by the
 * thousand. Sends that are not awaited (and a Hub's fan-out, which never awaits one socket)
 * can still pile up in the queue: once the socket's buffer and the queue together hold more
 * than the connection's `maxBufferedBytes` and another frame has to wait, the gate calls
 * `overflow` (the connection closes with 1013) and that frame and all later ones fail.
 *
 * Frames sent in one turn of the event loop leave in one write: the first send of a turn
 * corks the socket and a `nextTick` uncorks it, after the handler's awaits of that turn
 * have run. A handler answering a burst of messages costs one system call, not one a frame.
 */
export class SendGate {
  // Sends waiting for room, in call order; a Set keeps insertion order and allows removal on timeout.
  private waiting: Set<() => void> | undefined;
  // Bytes of the frames in `waiting`.
  private queuedBytes = 0;
  private wakeOnDrain: (() => void) | undefined;
  private raw: Duplex | null = null;
  private ending: CloseInfo | undefined;

  constructor(
    private readonly socket: WebSocket,
    private readonly overflow: () => void,
  ) {}

  /** The net socket under the now open WebSocket: sends held back while connecting go out. */
  open(raw: Duplex): void {
    this.raw = raw;
    if (this.wakeOnDrain) raw.on('drain', this.wakeOnDrain);
    this.wake();
  }

  /** Rejects every waiting and later send with the `ConnectionClosed` of `ending`. */
  shut(ending: CloseInfo): void {
    this.ending = ending;
    if (this.wakeOnDrain) this.raw?.off('drain', this.wakeOnDrain);
    this.wake();
  }

  /** Bytes handed to the socket and not yet taken by the peer, plus those of frames waiting for room. */
  get heldBytes(): number {
    return this.socket.bufferedAmount + this.queuedBytes;
  }

  /**
   * Resolves once the frame is handed to ws; rejects with `ConnectionClosed` or a `ConnectionTimeout`.
   * With nothing queued and room in the buffer that is at once: ws writes the frame to the socket
   * synchronously, and a write that fails later closes the socket, which later calls see.
   */
  write(kind: FrameKind, data: Payload, timeoutMs: number, maxBufferedBytes: number): Promise<void> {
    if (this.waiting === undefined || this.waiting.size === 0) {
      if (!this.isShut() && this.hasRoom()) {
        try {
          this.hand(kind, data);
        } catch (err) {
          return rejected(err);
        }
        return HANDED_OVER;
      }
    }
    if (this.isShut()) return rejected(this.closedError());
    if (this.overflows(maxBufferedBytes)) return rejected(this.closedError());
    const size = sizeOf(data);
    const promise = new Promise<void>((resolve, reject) => {
      let settled = false;
      let timer: NodeJS.Timeout | undefined;
      const settle = (err?: Error): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.dequeue(attempt, size);
        if (err === undefined) resolve();
        else reject(err);
      };
      const attempt = (): void => {
        if (settled) return;
        if (this.isShut()) return settle(this.closedError());
        // Queue behind earlier waiting sends so that frames keep their call order.
        if ((this.waiting !== undefined && this.waiting.size > 0) || !this.hasRoom()) return this.hold(attempt, size);
        try {
          // ws fails a write only when the socket is closing or gone.
          this.hand(kind, data, (err) => settle(err ? this.closedError() : undefined));
        } catch (err) {
          settle(err as Error);
        }
      };
      if (timeoutMs > 0) {
        timer = setTimeout(() => settle(new ConnectionTimeout(timeoutMs, `WebSocket send not done within ${timeoutMs} ms`)), timeoutMs).unref();
      }
      attempt();
    });
    promise.catch(noop);
    return promise;
  }

  /**
   * Sends a frame nobody awaits (a Hub's fan-out): handed at once when there is room, else
   * queued like an un-awaited `write`, with no promise. False when the connection is shut
   * or was just closed for holding too much.
   */
  push(frame: EncodedFrame, maxBufferedBytes: number): boolean {
    if (this.isShut()) return false;
    if ((this.waiting === undefined || this.waiting.size === 0) && this.hasRoom()) {
      this.hand('encoded', frame);
      return true;
    }
    if (this.overflows(maxBufferedBytes)) return false;
    const size = frame.bytes.length;
    const attempt = (): void => {
      if (this.isShut()) return;
      if ((this.waiting !== undefined && this.waiting.size > 0) || !this.hasRoom()) return this.hold(attempt, size);
      this.hand('encoded', frame);
    };
    this.hold(attempt, size);
    return true;
  }

  /** Whether a frame may be written now without growing the buffer past the mark. */
  hasRoom(): boolean {
    if (this.socket.readyState === this.socket.CONNECTING) return false;
    // Past the mark, 'drain' comes only if the net socket asked for it; otherwise writing is the way on.
    return this.socket.bufferedAmount <= SEND_HIGH_WATER_MARK || this.raw?.writableNeedDrain !== true;
  }

  // A frame that must wait while others already wait and more than the limit is held: the peer
  // is not keeping up, so the connection is closed rather than left to grow. An awaited send
  // never meets this, since it waits alone; nor does one big message to an idle peer.
  private overflows(maxBufferedBytes: number): boolean {
    if (this.queuedBytes === 0 || this.heldBytes <= maxBufferedBytes) return false;
    this.overflow();
    return true;
  }

  private dequeue(attempt: () => void, size: number): void {
    if (this.waiting?.delete(attempt)) this.queuedBytes -= size;
  }

  // The first frame of a turn corks the socket until the end of that turn.
  private hand(kind: FrameKind, data: Payload, done?: (err?: Error) => void): void {
    const raw = this.raw;
    if (raw !== null && raw.writableCorked === 0) {
      raw.cork();
      process.nextTick(uncork, raw);
    }
    writeFrame(this.socket, kind, data, done);
  }

  private isShut(): boolean {
    return this.ending !== undefined || this.socket.readyState > this.socket.OPEN;
  }

  private closedError(): Error {
    return closedError(this.socket, this.ending);
  }

  private hold(attempt: () => void, size: number): void {
    (this.waiting ??= new Set()).add(attempt);
    this.queuedBytes += size;
    if (this.wakeOnDrain === undefined && this.ending === undefined) {
      this.wakeOnDrain = () => this.wake();
      this.raw?.on('drain', this.wakeOnDrain);
    }
  }

  private wake(): void {
    if (this.waiting === undefined || this.waiting.size === 0) return;
    const waiting = [...this.waiting];
    this.waiting.clear();
    this.queuedBytes = 0;
    for (const attempt of waiting) attempt();
  }
}
