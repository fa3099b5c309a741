import { once } from 'node:events';
import type { Socket } from 'node:net';
import { WebSocket } from 'ws';

/** A `ws` client that queues every message, so tests can await them in order. */
export class TestPeer {
  readonly ws: WebSocket;
  /** The net socket under the client, once the upgrade has been answered. */
  transport: Socket | undefined;
  private readonly queue: (Buffer | string)[] = [];
  private waiters: ((m: Buffer | string) => void)[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  constructor(url: string, protocols: string[] = [], options: ConstructorParameters<typeof WebSocket>[2] = {}) {
    this.ws = new WebSocket(url, protocols, options);
    this.ws.on('message', (data, isBinary) => {
      const item = isBinary ? (data as Buffer) : data.toString();
      const waiter = this.waiters.shift();
      if (waiter) waiter(item);
      else this.queue.push(item);
    });
    this.ws.on('error', () => undefined);
    this.ws.once('upgrade', (res) => (this.transport = res.socket as Socket));
    this.closed = new Promise((resolve) => this.ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  static async open(url: string, protocols: string[] = [], options: ConstructorParameters<typeof WebSocket>[2] = {}): Promise<TestPeer> {
    const peer = new TestPeer(url, protocols, options);
    await once(peer.ws, 'open');
    return peer;
  }

  next(): Promise<Buffer | string> {
    const item = this.queue.shift();
    if (item !== undefined) return Promise.resolve(item);
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}

/** Resolves with the HTTP status of a refused upgrade. */
export function refusedStatus(url: string, protocols: string[] = [], headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, protocols, { headers });
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    ws.on('open', () => reject(new Error('the upgrade was accepted')));
    ws.on('error', () => undefined);
  });
}
