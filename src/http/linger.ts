import type { ServerResponse } from 'node:http';

/** How long the server keeps reading a body it answered early before it closes the connection. */
export const LINGER_MS = 5_000;
/** How many bytes of such a body it reads and discards at most. */
export const LINGER_BYTES = 16 * 1024 * 1024;

/**
 * Makes the close that ends `res` a lingering close. An answer sent before the request body
 * arrived in full (a 413, a 415, a refusal) ends with `Connection: close`; closing the socket
 * while the client is still sending makes the kernel answer its next bytes with a reset, which
 * often reaches the client before it has read the answer (it then sees ECONNRESET, not the
 * 413). As Apache's and nginx's lingering close, the server sends its FIN, then reads and
 * discards the rest of the body (at most {@link LINGER_BYTES} or {@link LINGER_MS}) and closes.
 */
export function lingerBeforeClose(res: ServerResponse): void {
  const req = res.req;
  const socket = res.socket;
  if (socket === null || req.complete) return;
  // Node ends a `Connection: close` exchange by calling the socket's destroySoon() once the
  // answer is written; this socket's own copy lingers first (tests/robustness/http-protocol).
  socket.destroySoon = function lingeringClose() {
    socket.end();
    let drained = 0;
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      clearTimeout(timer);
      req.off('data', count);
      socket.destroy();
    };
    const count = (chunk: Buffer) => {
      drained += chunk.length;
      if (drained > LINGER_BYTES) close();
    };
    const timer = setTimeout(close, LINGER_MS);
    req.on('data', count);
    req.once('end', close);
    socket.once('end', close);
    socket.once('close', close);
    if (req.complete) close();
  };
}
