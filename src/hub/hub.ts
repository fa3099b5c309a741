import { onEnding, pushEncoded, type Connection } from '../websocket/connection.js';
import { encodeFrame, type EncodedFrame } from '../websocket/ws-internals.js';
import type { HubAdapter, HubMessage } from './adapter.js';
import { memoryAdapter } from './memory-adapter.js';

/** The app option `hub`, or what `new Hub()` takes. */
export interface HubOptions {
  /** Carries publishes to other processes (default: in memory, this process only). */
  adapter?: HubAdapter;
  /**
   * Unsent bytes a member may hold before it is closed with 1013, for the Hub's fan-out
   * (default: each connection's own `maxBufferedBytes`, 4 MiB unless its route says otherwise).
   */
  maxBufferedBytes?: number;
}

/** Options of `hub.publish()`. */
export interface PublishOptions {
  /** A member of the room that does not get this message (typically its sender). */
  except?: Connection;
}

/** What `hub.publish()` sends: a string as a text frame, bytes as a binary frame, anything else as JSON text. */
export type Publishable = string | Uint8Array | ArrayBuffer | object | number | boolean | null;

/**
 * Rooms of WebSocket connections and broadcast to them, in one process or, through an
 * adapter, across processes and hosts. Injected by type into WebSocket and HTTP handlers.
 * A publish is framed once and handed to every member without waiting for any: a member that
 * does not read is closed with 1013 once it holds `maxBufferedBytes`, so it never stalls the
 * room. Messages of one publisher arrive in the order they were published.
 * @example
 * async chat(conn: Connection, @Param('room') room: string, hub: Hub) {
 *   hub.join(room, conn);                              // left when the connection ends
 *   for await (const msg of conn) await hub.publish(room, msg.text(), { except: conn });
 * }
 */
export class Hub {
  private readonly adapter: HubAdapter;
  private readonly maxBufferedBytes: number | undefined;
  private readonly members = new Map<string, Set<Connection>>();
  private readonly memberships = new Map<Connection, Set<string>>();
  // The last subscribe or unsubscribe asked of the adapter for a room, until it has settled:
  // each waits for the one before, so the adapter sees them in the order they were asked for.
  private readonly pending = new Map<string, Promise<void>>();
  private starting: Promise<void> | undefined;
  private closing: Promise<void> | undefined;

  constructor(options: HubOptions = {}) {
    const max = options.maxBufferedBytes;
    if (max !== undefined && (!Number.isSafeInteger(max) || max < 1)) throw new RangeError(`hub.maxBufferedBytes must be a whole number >= 1, got ${max}`);
    this.adapter = options.adapter ?? memoryAdapter();
    this.maxBufferedBytes = max;
  }

  /** Starts the adapter, once; the app does it before serving, and a first join or publish does it otherwise. */
  start(): Promise<void> {
    this.starting ??= Promise.resolve(this.adapter.start((message) => this.deliver(message)));
    return this.starting;
  }

  /** Stops the adapter, once, if it was started; the app does it at shutdown. Members stay in their rooms. */
  close(): Promise<void> {
    const stop = () => this.adapter.close();
    this.closing ??= this.starting === undefined ? RESOLVED : this.starting.then(stop, stop);
    return this.closing;
  }

  /**
   * Adds `conn` to `room`; it leaves every room by itself when it starts closing. A closed
   * connection is not added. Publishes made here reach it at once; the promise, which never
   * rejects, resolves once the adapter subscribed the room, so that publishes made elsewhere
   * from then on reach it too (await it before telling the client it has joined).
   */
  join(room: string, conn: Connection): Promise<void> {
    if (!conn.isOpen) return RESOLVED;
    const started = this.start().catch(noop);
    let rooms = this.memberships.get(conn);
    if (rooms === undefined) {
      rooms = new Set();
      this.memberships.set(conn, rooms);
      onEnding(conn, () => this.leaveAll(conn));
    }
    if (!rooms.has(room)) {
      rooms.add(room);
      let set = this.members.get(room);
      if (set === undefined) {
        set = new Set();
        this.members.set(room, set);
        this.tell('subscribe', room, started);
      }
      set.add(conn);
    }
    return this.pending.get(room) ?? RESOLVED;
  }

  /** Removes `conn` from `room` (nothing happens when it is not a member). */
  leave(room: string, conn: Connection): void {
    const rooms = this.memberships.get(conn);
    if (rooms === undefined || !rooms.delete(room)) return;
    this.removeMember(room, conn);
  }

  /**
   * Sends `data` to every member of `room` — here at once, elsewhere through the adapter —
   * except `options.except`. Resolves once the members here have it and the adapter took it;
   * never waits for a member to read.
   */
  async publish(room: string, data: Publishable, options: PublishOptions = {}): Promise<void> {
    const message = toMessage(room, data);
    this.fanOut(message, options.except);
    if (this.starting === undefined) await this.start();
    await this.adapter.publish(message);
  }

  /** The members of `room` in this process. */
  size(room: string): number {
    return this.members.get(room)?.size ?? 0;
  }

  /** The names of the rooms that have members in this process. */
  rooms(): IterableIterator<string> {
    return this.members.keys();
  }

  // A publish from another process: to the members here, all of them.
  private deliver(message: HubMessage): void {
    this.fanOut(message, undefined);
  }

  private fanOut(message: HubMessage, except: Connection | undefined): void {
    const set = this.members.get(message.room);
    if (set === undefined) return;
    let frame: EncodedFrame | undefined;
    // A member closed for holding too much leaves the set while it is walked; a Set allows that.
    for (const conn of set) {
      if (conn === except) continue;
      frame ??= encodeFrame(message.binary, message.payload);
      pushEncoded(conn, frame, this.maxBufferedBytes);
    }
  }

  private leaveAll(conn: Connection): void {
    const rooms = this.memberships.get(conn);
    if (rooms === undefined) return;
    this.memberships.delete(conn);
    for (const room of rooms) this.removeMember(room, conn);
  }

  private removeMember(room: string, conn: Connection): void {
    const set = this.members.get(room);
    if (set === undefined || !set.delete(conn) || set.size > 0) return;
    this.members.delete(room);
    this.tell('unsubscribe', room, RESOLVED);
  }

  private tell(what: 'subscribe' | 'unsubscribe', room: string, after: Promise<unknown>): void {
    const previous = this.pending.get(room) ?? after;
    const done: Promise<void> = previous.then(async () => {
      try {
        await this.adapter[what](room);
      } catch (err) {
        console.error(`zigmund: hub adapter ${what}(${room}) failed`, err);
      }
      if (this.pending.get(room) === done) this.pending.delete(room);
    });
    this.pending.set(room, done);
  }
}

const noop = () => undefined;
const RESOLVED = Promise.resolve();

function toMessage(room: string, data: Publishable): HubMessage {
  if (typeof data === 'string') return { room, binary: false, payload: Buffer.from(data) };
  if (data instanceof Uint8Array) return { room, binary: true, payload: Buffer.from(data) };
  if (data instanceof ArrayBuffer) return { room, binary: true, payload: Buffer.from(data) };
  return { room, binary: false, payload: Buffer.from(JSON.stringify(data) ?? 'null') };
}
