import { randomBytes } from 'node:crypto';
import type { HubAdapter, HubMessage } from './adapter.js';
import { loadIoredis } from './load-ioredis.js';

/**
 * The part of an ioredis client the adapter uses. Declared here so that ioredis stays an
 * optional peer dependency: apps without the Redis adapter neither install nor load it.
 */
export interface RedisClient {
  readonly status: string;
  publish(channel: string, message: Buffer): Promise<number>;
  subscribe(...channels: string[]): Promise<unknown>;
  unsubscribe(...channels: string[]): Promise<unknown>;
  duplicate(): RedisClient;
  quit(): Promise<unknown>;
  disconnect(): void;
  on(event: string, listener: (...args: any[]) => void): unknown;
  once(event: string, listener: (...args: any[]) => void): unknown;
}

/** Options of `redisAdapter()`: a `url`, or an ioredis `client` whose settings are used (a duplicate of it subscribes). */
export interface RedisAdapterOptions {
  /** `redis://[user:password@]host:port[/db]` (default `redis://127.0.0.1:6379`). */
  url?: string;
  /** An ioredis client to publish with; the adapter does not close it. */
  client?: RedisClient;
  /** Prepended to room names to make channel names (default `zigmund:hub:`). */
  prefix?: string;
}

type RedisConstructor = new (url?: string) => RedisClient;

// Wire format of a published message: version, flags (bit 0: binary), the publishing hub's
// 16-byte origin id, then the payload as is. Binary-safe, and no JSON round trip per message.
const VERSION = 1;
const HEADER_BYTES = 18;

function ready(client: RedisClient): Promise<void> {
  if (client.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => client.once('ready', () => resolve()));
}

/**
 * Carries a Hub's publishes between processes and hosts over Redis pub/sub (ioredis).
 * Each room is its own channel (`prefix + room`), subscribed while the room has members in
 * this process, so a process receives only the rooms it serves. Messages carry their
 * origin, so a process never delivers its own publish twice. After Redis restarts, ioredis
 * reconnects and subscribes again; what is published while it is unreachable reaches the
 * publishing process's members only.
 * @example
 * const app = await bootstrap(AppModule, { hub: { adapter: redisAdapter({ url: process.env.REDIS_URL }) } });
 */
export function redisAdapter(options: RedisAdapterOptions = {}): HubAdapter {
  const prefix = options.prefix ?? 'zigmund:hub:';
  const origin = randomBytes(16);
  let publisher: RedisClient | undefined;
  let subscriber: RedisClient | undefined;
  const ownsPublisher = options.client === undefined;

  function encode(message: HubMessage): Buffer {
    const wire = Buffer.allocUnsafe(HEADER_BYTES + message.payload.length);
    wire[0] = VERSION;
    wire[1] = message.binary ? 1 : 0;
    origin.copy(wire, 2);
    message.payload.copy(wire, HEADER_BYTES);
    return wire;
  }

  function watch(client: RedisClient, role: string): void {
    // ioredis reports every failed reconnection attempt; one line per outage is enough.
    let down = false;
    client.on('error', (err: Error) => {
      if (down) return;
      down = true;
      console.error(`zigmund: hub redis ${role} connection lost (${err.message}); reconnecting`);
    });
    client.on('ready', () => {
      if (down) console.error(`zigmund: hub redis ${role} connection back`);
      down = false;
    });
  }

  return {
    async start(deliver) {
      const Redis = options.client ? undefined : loadIoredis<RedisConstructor>('redisAdapter()');
      publisher = options.client ?? new Redis!(options.url);
      subscriber = publisher.duplicate();
      if (ownsPublisher) watch(publisher, 'publisher');
      watch(subscriber, 'subscriber');
      subscriber.on('messageBuffer', (channel: Buffer, wire: Buffer) => {
        if (wire.length < HEADER_BYTES || wire[0] !== VERSION) return;
        if (origin.equals(wire.subarray(2, HEADER_BYTES))) return;
        deliver({ room: channel.toString('utf8', Buffer.byteLength(prefix)), binary: (wire[1] & 1) === 1, payload: wire.subarray(HEADER_BYTES) });
      });
      await Promise.all([ready(publisher), ready(subscriber)]);
    },
    async subscribe(room) {
      await subscriber!.subscribe(prefix + room);
    },
    async unsubscribe(room) {
      await subscriber!.unsubscribe(prefix + room);
    },
    async publish(message) {
      // While Redis is unreachable the message is not queued for later: it would arrive after
      // newer ones, and other processes may not be subscribed again yet. Members here have it.
      if (publisher!.status !== 'ready') return;
      await publisher!.publish(prefix + message.room, encode(message)).catch(() => undefined);
    },
    async close() {
      const clients = ownsPublisher ? [subscriber, publisher] : [subscriber];
      await Promise.all(clients.map((client) => (client?.status === 'ready' ? client.quit().catch(() => client.disconnect()) : client?.disconnect())));
    },
  };
}
