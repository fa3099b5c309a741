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
