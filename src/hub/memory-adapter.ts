import type { HubAdapter } from './adapter.js';

/** The default adapter: one process, nothing to carry, the Hub's own delivery is all there is. */
export function memoryAdapter(): HubAdapter {
  return {
    start() {},
    subscribe() {},
    unsubscribe() {},
    publish() {},
    close() {},
  };
}
