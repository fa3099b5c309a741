import type { WebSocket } from 'ws';
import { ConnectionTimeout } from './errors.js';
import type { Message } from './message.js';

interface Waiter {
  resolve(message: Message): void;
  reject(err: Error): void;
  timer?: NodeJS.Timeout;
}

/**
 * A connection's received messages, in order, until the handler takes them. When `limit`
 * of them wait, reading from the socket pauses (TCP backpressure) instead of dropping any.
 * An idle connection holds one waiting `take` and no queue: servers keep these by the ten
 * thousand, so the queue and any second waiter are made only when needed.
 */
export class Inbox {
  private queue: Message[] | undefined;
  private waiter: Waiter | undefined;
  private laterWaiters: Waiter[] | undefined;
  private paused = false;

  constructor(private readonly socket: WebSocket) {}

  /** Hands the message to the oldest waiting `take`, or queues it (pausing the socket at `limit` queued). */
  push(message: Message, limit: number): void {
    const waiter = this.nextWaiter();
    if (waiter !== undefined) {
      clearTimeout(waiter.timer);
      return waiter.resolve(message);
    }
    const queue = (this.queue ??= []);
    queue.push(message);
    if (!this.paused && queue.length >= limit) {
      this.paused = true;
      this.socket.pause();
    }
  }

  /**
   * The next message; when none is queued, rejects with `refusal` if there is one, else
   * waits at most `ms` (0 = forever) before rejecting with `ConnectionTimeout`.
   */
  take(ms: number, limit: number, refusal: Error | undefined): Promise<Message> {
    const next = this.queue?.shift();
    if (next !== undefined) {
      if (this.queue!.length < limit) this.unpause();
      return Promise.resolve(next);
    }
    if (refusal !== undefined) return Promise.reject(refusal);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { resolve, reject };
      if (ms > 0) waiter.timer = setTimeout(() => this.expire(waiter, ms), ms).unref();
      if (this.waiter === undefined) this.waiter = waiter;
      else (this.laterWaiters ??= []).push(waiter);
    });
  }

  /** Rejects every waiting `take` with `err()`; queued messages stay for later takes. */
  fail(err: () => Error): void {
    for (let waiter = this.nextWaiter(); waiter !== undefined; waiter = this.nextWaiter()) {
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

  private nextWaiter(): Waiter | undefined {
    const waiter = this.waiter;
    this.waiter = this.laterWaiters?.shift();
    return waiter;
  }

  private expire(waiter: Waiter, ms: number): void {
    if (this.waiter === waiter) this.nextWaiter();
    else this.laterWaiters?.splice(this.laterWaiters.indexOf(waiter), 1);
    waiter.reject(new ConnectionTimeout(ms, `No WebSocket message within ${ms} ms`));
  }
}
