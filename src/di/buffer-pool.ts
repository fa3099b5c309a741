/** Sizes of the pooled buffers: powers of two from 64 bytes to 1 MiB; larger requests are not pooled. */
const MIN_SHIFT = 6;
const MAX_SHIFT = 20;
/** Buffers kept per size class: enough for a burst of requests, bounded so idle memory stays small. */
const KEEP_PER_CLASS = 64;

/**
 * Zeroed buffers in size classes, reused across requests: `Arena.alloc(bytes)` takes one and
 * its release gives it back, wiped, so no request sees another's bytes.
 */
export class BufferPool {
  private readonly free: Buffer[][] = [];
  private reused = 0;
  private allocated = 0;

  constructor(private readonly keepPerClass = KEEP_PER_CLASS) {
    for (let shift = MIN_SHIFT; shift <= MAX_SHIFT; shift++) this.free.push([]);
  }

  /** A zeroed buffer of at least `bytes` (its length is the size class); give it back with `give()`. */
  take(bytes: number): Buffer {
    const index = classOf(bytes);
    if (index === -1) {
      this.allocated++;
      return Buffer.alloc(bytes);
    }
    const buffer = this.free[index].pop();
    if (buffer) {
      this.reused++;
      return buffer;
    }
    this.allocated++;
    return Buffer.alloc(1 << (index + MIN_SHIFT));
  }

  /** Returns a buffer obtained from `take()`; it is wiped before anyone gets it again. */
  give(buffer: Buffer): void {
    const index = classOf(buffer.length);
    if (index === -1 || buffer.length !== 1 << (index + MIN_SHIFT)) return;
    const list = this.free[index];
    if (list.length >= this.keepPerClass) return;
    buffer.fill(0);
    list.push(buffer);
  }

  get stats(): { pooled: number; reused: number; allocated: number } {
    return { pooled: this.free.reduce((n, list) => n + list.length, 0), reused: this.reused, allocated: this.allocated };
  }
}

function classOf(bytes: number): number {
  if (bytes > 1 << MAX_SHIFT) return -1;
  const shift = Math.max(MIN_SHIFT, 32 - Math.clz32(Math.max(bytes, 1) - 1));
  return shift - MIN_SHIFT;
}

/** The process-wide pool behind `Arena.alloc()`. */
export const sharedBuffers = new BufferPool();
