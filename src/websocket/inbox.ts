import type { WebSocket } from 'ws';
import { ConnectionTimeout } from './errors.js';
import type { Message } from './message.js';

interface Waiter {
  resolve(message: Message): void;
  reject(err: Error): void;
  timer?: NodeJS.Timeout;
}

/**
 * A connection's received messages, in order, until the handler takes them. When `limit()`
 * of them wait, reading from the socket pauses (TCP backpressure) instead of dropping any.
 */
export class Inbox {
  private readonly queue: Message[] = [];
  private readonly waiters: Waiter[] = [];
  private paused = false;

  constructor(
    private readonly socket: WebSocket,
    private readonly limit: () => number,
  ) {}

  /** Hands the message to the oldest waiting `take`, or queues it. */
  push(message: Message): void {
    const waiter = this.waiters.shift();
    if (waiter !== undefined) {
      clearTimeout(waiter.timer);
      return waiter.resolve(message);
    }
    this.queue.push(message);
    if (!this.paused && this.queue.length >= this.limit()) {
      this.paused = true;
      this.socket.pause();
    }
  }

  /**
   * The next message; when none is queued, rejects with `refusal()` if there is one, else
   * waits at most `ms` (0 = forever) before rejecting with `ConnectionTimeout`.
   */
  take(ms: number, refusal: () => Error | undefined): Promise<Message> {
    const next = this.queue.shift();
    if (next !== undefined) {
      if (this.queue.length < this.limit()) this.unpause();
      return Promise.resolve(next);
    }
    const refused = refusal();
    if (refused !== undefined) return Promise.reject(refused);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { resolve, reject };
      if (ms > 0) {
        waiter.timer = setTimeout(() => {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          reject(new ConnectionTimeout(ms, `No WebSocket message within ${ms} ms`));
        }, ms).unref();
      }
      this.waiters.push(waiter);
    });
  }

  /** Rejects every waiting `take` with `err()`; queued messages stay for later takes. */
  fail(err: () => Error): void {
    for (const waiter of this.waiters.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.reject(err());
    }
  }

  /** Resumes reading if the inbox had paused it. */
  unpause(): void {
    if (!this.paused) return;
    this.paused = false;
    this.socket.resume();
  }
}
