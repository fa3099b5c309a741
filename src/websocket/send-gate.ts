import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import { ConnectionTimeout } from './errors.js';
import { closedError, type CloseInfo } from './ws-internals.js';

// Past this many bytes queued for the peer, sends wait for 'drain': enough to keep a fast
// link busy, small enough that a client that stops reading costs a bounded amount of memory.
const SEND_HIGH_WATER_MARK = 256 * 1024;

const HANDED_OVER = Promise.resolve();
const TEXT = { binary: false };
const BINARY = { binary: true };

/** The kinds of frame a connection sends through the gate. */
export type FrameKind = 'text' | 'binary' | 'ping';
type Payload = string | Uint8Array | ArrayBuffer;

// Frames are passed as kind + payload rather than as a closure: one allocation fewer per send.
function writeFrame(socket: WebSocket, kind: FrameKind, data: Payload, done?: (err?: Error) => void): void {
  if (kind === 'ping') socket.ping(data, undefined, done);
  else socket.send(data, kind === 'text' ? TEXT : BINARY, done);
}

function uncork(raw: Socket): void {
  raw.uncork();
}

/**
 * Writes a connection's frames in call order, holding them back while more than
 * `SEND_HIGH_WATER_MARK` bytes wait for the peer, so a client that never reads cannot make
 * the server buffer without bound. The queue and the 'drain' listener exist only once a
 * send has had to wait: most connections never do, and idle ones are kept by the thousand.
 *
 * Frames sent in one turn of the event loop leave in one write: the first send of a turn
 * corks the socket and a `nextTick` uncorks it, after the handler's awaits of that turn
 * have run. A handler answering a burst of messages costs one system call, not one a frame.
 */
export class SendGate {
  // Sends waiting for room, in call order; a Set keeps insertion order and allows removal on timeout.
  private waiting: Set<() => void> | undefined;
  private wakeOnDrain: (() => void) | undefined;
  private raw: Socket | null = null;
  private ending: CloseInfo | undefined;

  constructor(private readonly socket: WebSocket) {}

  /** The net socket under the now open WebSocket: sends held back while connecting go out. */
  open(raw: Socket | null): void {
    this.raw = raw;
    if (this.wakeOnDrain) raw?.on('drain', this.wakeOnDrain);
    this.wake();
  }

  /** Rejects every waiting and later send with the `ConnectionClosed` of `ending`. */
  shut(ending: CloseInfo): void {
    this.ending = ending;
    if (this.wakeOnDrain) this.raw?.off('drain', this.wakeOnDrain);
    this.wake();
  }

  /**
   * Resolves once the frame is handed to ws; rejects with `ConnectionClosed` or a `ConnectionTimeout`.
   * With nothing queued and room in the buffer that is at once: ws writes the frame to the socket
   * synchronously, and a write that fails later closes the socket, which later calls see.
   */
  write(kind: FrameKind, data: Payload, timeoutMs: number): Promise<void> {
    if (this.waiting === undefined || this.waiting.size === 0) {
      if (!this.isShut() && this.hasRoom()) {
        try {
          this.hand(kind, data);
        } catch (err) {
          return Promise.reject(err);
        }
        return HANDED_OVER;
      }
    }
    return new Promise((resolve, reject) => {
      let settled = false;
      let timer: NodeJS.Timeout | undefined;
      const settle = (err?: Error): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.waiting?.delete(attempt);
        if (err === undefined) resolve();
        else reject(err);
      };
      const attempt = (): void => {
        if (settled) return;
        if (this.isShut()) return settle(this.closedError());
        // Queue behind earlier waiting sends so that frames keep their call order.
        if ((this.waiting !== undefined && this.waiting.size > 0) || !this.hasRoom()) return this.hold(attempt);
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
  }

  /** Whether a frame may be written now without growing the buffer past the mark. */
  hasRoom(): boolean {
    if (this.socket.readyState === this.socket.CONNECTING) return false;
    // Past the mark, 'drain' comes only if the net socket asked for it; otherwise writing is the way on.
    return this.socket.bufferedAmount <= SEND_HIGH_WATER_MARK || this.raw?.writableNeedDrain !== true;
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

  private hold(attempt: () => void): void {
    (this.waiting ??= new Set()).add(attempt);
    if (this.wakeOnDrain === undefined && this.ending === undefined) {
      this.wakeOnDrain = () => this.wake();
      this.raw?.on('drain', this.wakeOnDrain);
    }
  }

  private wake(): void {
    if (this.waiting === undefined || this.waiting.size === 0) return;
    const waiting = [...this.waiting];
    this.waiting.clear();
    for (const attempt of waiting) attempt();
  }
}
