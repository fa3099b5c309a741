import type { WebSocketOptions } from '../metadata/route-options.js';

/** The limits a `Connection` enforces, every default filled in; 0 means "none" for times. */
export interface ResolvedSocketLimits {
  idleTimeoutMs: number;
  autoPong: boolean;
  pingIntervalMs: number;
  pongTimeoutMs: number;
  maxMessageBytes: number;
  maxPendingMessages: number;
  sendTimeoutMs: number;
  maxBufferedBytes: number;
}

const MIB = 1_048_576;

/** What a connection may hold unsent before it is closed with 1013, unless its route or the Hub says otherwise. */
export const DEFAULT_MAX_BUFFERED_BYTES = 4 * MIB;

/** Fills in the defaults of a route's socket limits; throws a `RangeError` on a negative or fractional value. */
export function resolveSocketLimits(options: WebSocketOptions): ResolvedSocketLimits {
  return {
    idleTimeoutMs: nonNegative('idleTimeoutMs', options.idleTimeoutMs ?? 0),
    autoPong: options.autoPong ?? true,
    pingIntervalMs: nonNegative('pingIntervalMs', options.pingIntervalMs ?? 0),
    pongTimeoutMs: nonNegative('pongTimeoutMs', options.pongTimeoutMs ?? 10_000),
    maxMessageBytes: positive('maxMessageBytes', options.maxMessageBytes ?? MIB),
    maxPendingMessages: positive('maxPendingMessages', options.maxPendingMessages ?? 64),
    sendTimeoutMs: nonNegative('sendTimeoutMs', options.sendTimeoutMs ?? 0),
    maxBufferedBytes: positive('maxBufferedBytes', options.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES),
  };
}

/** Checks a limit that may be 0; shared with the `Connection` setters. */
export function nonNegative(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number >= 0, got ${value}`);
  }
  return value;
}

/** Checks a limit that must be at least 1; shared with the `Connection` setters. */
export function positive(name: string, value: number): number {
  if (nonNegative(name, value) === 0) throw new RangeError(`${name} must be at least 1, got 0`);
  return value;
}
