/**
 * The WebSocket is closed: the peer closed it, the socket ended, or the server closed it
 * (a limit, the ping policy, `close()`). `code` and `reason` are the close frame's.
 * @example
 * try { msg = await conn.receive(); } catch (err) { if (err instanceof ConnectionClosed) return; throw err; }
 */
export class ConnectionClosed extends Error {
  constructor(
    readonly code: number,
    readonly reason: string = '',
  ) {
    super(`WebSocket closed with code ${code}${reason === '' ? '' : `: ${reason}`}`);
    this.name = 'ConnectionClosed';
  }
}

/**
 * A receive waited longer than its idle timeout, or a send longer than `sendTimeoutMs`.
 * The connection is still open.
 */
export class ConnectionTimeout extends Error {
  constructor(
    readonly timeoutMs: number,
    message = `WebSocket operation timed out after ${timeoutMs} ms`,
  ) {
    super(message);
    this.name = 'ConnectionTimeout';
  }
}

/**
 * Ends a WebSocket with a close code, as Starlette's: thrown by the handler it closes the
 * connection with `code` and `reason`; thrown before the upgrade (a dependency, a middleware)
 * it refuses the handshake with the HTTP status of the code (`httpStatus`).
 * @example throw new WebSocketException(1008, 'room is full');
 */
export class WebSocketException extends Error {
  constructor(
    readonly code: number,
    readonly reason: string = '',
  ) {
    super(`WebSocket closed with code ${code}${reason === '' ? '' : `: ${reason}`}`);
    this.name = 'WebSocketException';
  }

  /**
   * The refusal of a handshake that never opened: 1003 unsupported data → 415, 1009 too big
   * → 413, 1011 internal error → 500, 1013 try again later → 503, anything else (1008 policy
   * violation, application codes) → 403, what ASGI servers answer to a close before accept.
   */
  get httpStatus(): number {
    return HTTP_STATUS_OF_CLOSE[this.code] ?? 403;
  }
}

const HTTP_STATUS_OF_CLOSE: Record<number, number> = { 1003: 415, 1009: 413, 1011: 500, 1013: 503 };
