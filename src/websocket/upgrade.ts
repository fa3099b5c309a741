import type { IncomingMessage } from 'node:http';

/** The prefix of a `Sec-WebSocket-Protocol` entry that carries a bearer token, not a protocol. */
export const BEARER_SUBPROTOCOL_PREFIX = 'bearer.';

/** Why an upgrade is refused before the handshake: the HTTP status and detail to answer with. */
export interface Refusal {
  status: number;
  detail: string;
}

/** Checks `Origin` against the route's allow-list (empty = all origins). */
export function checkOrigin(req: IncomingMessage, allowed: readonly string[] | undefined): Refusal | undefined {
  if (!allowed || allowed.length === 0) return undefined;
  const origin = req.headers.origin;
  if (origin !== undefined && allowed.includes(origin)) return undefined;
  return { status: 403, detail: `Origin ${origin === undefined ? '(none)' : JSON.stringify(origin)} is not allowed` };
}

/**
 * Picks the subprotocol: the first of the route's `subprotocols` that the client offered,
 * so the server's order of preference wins. `''` when none was agreed. A `bearer.<token>`
 * entry carries credentials, not a protocol: it is never chosen, so never echoed back.
 */
export function negotiateSubprotocol(
  req: IncomingMessage,
  supported: readonly string[] | undefined,
  required: boolean | undefined,
): { protocol: string } | Refusal {
  const offered = (req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '' && !p.startsWith(BEARER_SUBPROTOCOL_PREFIX));
  const protocol = supported?.find((p) => offered.includes(p)) ?? '';
  if (protocol === '' && required) {
    const wanted = supported && supported.length > 0 ? supported.join(', ') : '(none configured)';
    return { status: 400, detail: `A WebSocket subprotocol is required: one of ${wanted}` };
  }
  return { protocol };
}
