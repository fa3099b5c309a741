import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import { CloseCode } from './close-codes.js';
import { ConnectionClosed } from './errors.js';

/**
 * Fields ws keeps private but has had throughout v8: the net socket (for 'drain' and the
 * peer's address), the auto-pong switch, and the close frame received while the handshake
 * is still under way. Listed here, once, so a ws upgrade has one place to check.
 */
export interface WsInternals {
  _socket: Socket | null;
  _autoPong?: boolean;
  _closeFrameReceived: boolean;
  _closeCode: number;
  _closeMessage: Buffer;
}

/** How a connection ended: the close code and reason received, sent, or 1006 when it just dropped. */
export interface CloseInfo {
  code: number;
  reason: string;
}

export function internalsOf(socket: WebSocket): WsInternals {
  return socket as unknown as WsInternals;
}

/** The close frame the peer sent, if one has arrived. */
export function peerClose(socket: WebSocket): CloseInfo | undefined {
  const ws = internalsOf(socket);
  return ws._closeFrameReceived ? { code: ws._closeCode, reason: ws._closeMessage.toString() } : undefined;
}

/** The error a closed connection's sends and receives reject with: `ending`, else the peer's close frame, else 1006. */
export function closedError(socket: WebSocket, ending: CloseInfo | undefined): ConnectionClosed {
  const info = ending ?? peerClose(socket) ?? { code: CloseCode.ABNORMAL, reason: '' };
  return new ConnectionClosed(info.code, info.reason);
}

// ws tags each protocol error with the close code it sent, under a module-private symbol.
export function closeCodeOf(err: Error): number | undefined {
  const key = Object.getOwnPropertySymbols(err).find((symbol) => symbol.description === 'status-code');
  const code = key === undefined ? undefined : (err as unknown as Record<symbol, unknown>)[key];
  return typeof code === 'number' ? code : undefined;
}
