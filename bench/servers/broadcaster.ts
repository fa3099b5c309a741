// The event source both streaming servers fan out: publish() hands an event to every
// subscriber's queue; each subscriber is an async iterator its HTTP answer drains.

export interface Tick {
  id: number;
  data: string;
}

class Subscription implements AsyncIterator<Tick> {
  private readonly queue: Tick[] = [];
  private waiting: ((step: IteratorResult<Tick>) => void) | undefined;
  private done = false;

  constructor(private readonly onEnd: (sub: Subscription) => void) {}

  push(tick: Tick): void {
    if (this.done) return;
    const waiting = this.waiting;
    if (waiting) {
      this.waiting = undefined;
      waiting({ value: tick, done: false });
    } else {
      this.queue.push(tick);
    }
  }

  next(): Promise<IteratorResult<Tick>> {
    const tick = this.queue.shift();
    if (tick) return Promise.resolve({ value: tick, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<Tick>> {
    this.done = true;
    this.queue.length = 0;
    this.waiting?.({ value: undefined, done: true });
    this.waiting = undefined;
    this.onEnd(this);
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterator<Tick> {
    return this;
  }
}

export class Broadcaster {
  private readonly subscribers = new Set<Subscription>();
  private nextId = 1;

  get size(): number {
    return this.subscribers.size;
  }

  subscribe(): AsyncIterableIterator<Tick> {
    const sub = new Subscription((s) => this.subscribers.delete(s));
    this.subscribers.add(sub);
    return sub as unknown as AsyncIterableIterator<Tick>;
  }

  /** Publishes `count` events, each to every subscriber. */
  publish(count: number): void {
    for (let i = 0; i < count; i++) {
      const tick = { id: this.nextId++, data: `{"price":${(100 + (i % 50) / 10).toFixed(1)},"symbol":"ZIG"}` };
      for (const sub of this.subscribers) sub.push(tick);
    }
  }
}
