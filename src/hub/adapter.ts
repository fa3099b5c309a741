/** A message published to a room, as adapters carry it between processes. */
export interface HubMessage {
  room: string;
  /** A binary frame when true, a text frame (UTF-8 `payload`) when false. */
  binary: boolean;
  payload: Buffer;
}

/**
 * Carries a Hub's publishes between processes. The Hub delivers a publish to its own
 * members itself, then hands it to `publish`; the adapter brings it to every other process,
 * whose Hub delivers it to its members through the `deliver` function given to `start`.
 * An adapter must not give a process back its own publishes, and must keep the order of one
 * process's publishes. `subscribe`/`unsubscribe` say which rooms have members here (the first
 * joined, the last left), for adapters that route by room; others may ignore them.
 *
 * A returned promise is awaited: `start` before the app serves, `publish` by `hub.publish()`
 * (so a slow transport slows the publisher instead of queueing without bound).
 * @example
 * const logAdapter: HubAdapter = {
 *   start(deliver) {},
 *   subscribe(room) {},
 *   unsubscribe(room) {},
 *   publish(message) { console.log(message.room, message.payload.length) },
 *   close() {},
 * };
 */
export interface HubAdapter {
  start(deliver: (message: HubMessage) => void): void | Promise<void>;
  subscribe(room: string): void | Promise<void>;
  unsubscribe(room: string): void | Promise<void>;
  publish(message: HubMessage): void | Promise<void>;
  close(): void | Promise<void>;
}
