import type { Socket } from 'node:net';

/** Counts the writes that reach a net socket from now on (one per system call Node makes). */
export function countWrites(raw: Socket): { count: number } {
  const socket = raw as Socket & { _write: Function; _writev: Function };
  const counter = { count: 0 };
  for (const method of ['_write', '_writev'] as const) {
    const original = socket[method];
    socket[method] = function (this: Socket, ...args: unknown[]) {
      counter.count++;
      return original.apply(this, args);
    };
  }
  return counter;
}
