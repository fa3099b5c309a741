import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type ClientOptions } from 'ws';
import { Connection } from '../../src/websocket/connection.js';
import { ConnectionClosed } from '../../src/websocket/errors.js';
import type { WebSocketOptions } from '../../src/metadata/route-options.js';
import { resolveSocketLimits } from '../../src/websocket/options.js';

export interface Session {
  conn: Connection;
  result?: unknown;
  error?: unknown;
}

/** A one-route server: every upgrade runs `handler` with a fresh `Connection`, as the framework does. */
export interface Served {
  url: string;
  /** The first connection's handler outcome, once it has returned or thrown. */
  session: Promise<Session>;
  connect(options?: ClientOptions & { protocols?: string[] }): Promise<Peer>;
  stop(): Promise<void>;
}

/** A handler under test, given the Connection and, for tests that watch the wire, the ws socket and the net socket under it. */
export type Handler = (conn: Connection, ws: WebSocket, transport: Duplex) => unknown;

export async function serve(handler: Handler, options: WebSocketOptions = {}): Promise<Served> {
  const limits = resolveSocketLimits(options);
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: limits.maxMessageBytes,
    autoPong: false,
    perMessageDeflate: false,
    handleProtocols: (offered) => options.subprotocols?.find((p) => offered.has(p)) ?? false,
  });
  const sockets = new Set<WebSocket>();
  const peers = new Set<Peer>();
  let settle!: (session: Session) => void;
  const session = new Promise<Session>((resolve) => (settle = resolve));
  const server = http.createServer();
  server.on('upgrade', (req, socket, head) => {
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      void run(handler, new Connection(ws, { limits, transport: socket }), ws, socket).then(settle);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    session,
    async connect(clientOptions = {}) {
      const peer = await Peer.open(url, clientOptions);
      peers.add(peer);
      return peer;
    },
    async stop() {
      for (const peer of peers) peer.ws.terminate();
      for (const ws of sockets) ws.terminate();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

// What the framework does around a handler: returns → 1000, throws → 1011.
async function run(handler: Handler, conn: Connection, ws: WebSocket, transport: Duplex): Promise<Session> {
  try {
    const result = await handler(conn, ws, transport);
    await conn.close();
    return { conn, result };
  } catch (error) {
    if (!(error instanceof ConnectionClosed)) await conn.close(1011, 'internal error');
    return { conn, error };
  }
}

export interface Received {
  data: Buffer;
  isBinary: boolean;
}

/** A `ws` client that queues what it receives, so tests await frames in order. */
export class Peer {
  readonly closed: Promise<{ code: number; reason: string }>;
  readonly pings: Buffer[] = [];
  readonly pongs: Buffer[] = [];
  private readonly frames: Received[] = [];
  private readonly waiters: ((frame: Received) => void)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data, isBinary) => {
      const frame = { data: data as Buffer, isBinary };
      const waiter = this.waiters.shift();
      if (waiter) waiter(frame);
      else this.frames.push(frame);
    });
    ws.on('ping', (data) => this.pings.push(data));
    ws.on('pong', (data) => this.pongs.push(data));
    ws.on('error', () => undefined);
    this.closed = new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  static async open(url: string, options: ClientOptions & { protocols?: string[] } = {}): Promise<Peer> {
    const { protocols = [], ...rest } = options;
    const peer = new Peer(new WebSocket(url, protocols, rest));
    await once(peer.ws, 'open');
    return peer;
  }

  next(): Promise<Received> {
    const frame = this.frames.shift();
    if (frame !== undefined) return Promise.resolve(frame);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  async nextText(): Promise<string> {
    const frame = await this.next();
    if (frame.isBinary) throw new Error('expected a text frame, got a binary one');
    return frame.data.toString();
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits until `check()` holds, polling; false if it never did within `limitMs`. */
export async function until(check: () => boolean, limitMs = 2_000): Promise<boolean> {
  for (let waited = 0; waited < limitMs; waited += 5) {
    if (check()) return true;
    await delay(5);
  }
  return check();
}

/** A promise with its resolve function outside, to hand signals between a test and its handler. */
export function signal<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * A client-side ws wrapped in a Connection, made in the 'upgrade' event so its listeners (and
 * whatever `setUp` changes) are in place before the first frame the server sends.
 */
export function connectClient(url: string, setUp: (client: Connection) => void = () => undefined): Promise<{ ws: WebSocket; client: Connection }> {
  const ws = new WebSocket(url, { autoPong: false });
  const limits = resolveSocketLimits({ idleTimeoutMs: 2_000 });
  return new Promise((resolve) =>
    ws.once('upgrade', (res) => {
      const client = new Connection(ws, { limits, transport: res.socket });
      setUp(client);
      resolve({ ws, client });
    }),
  );
}
