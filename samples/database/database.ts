import 'reflect-metadata';
import { Arena, Depends, Inject, Injectable, Module, OnStartup, Pool, dependency } from 'zigmund';
import { Engine, type DbConnection } from './engine.js';

export interface DatabaseOptions {
  /** Connections at most: requests beyond it wait in line for one. */
  poolSize: number;
  /** How long a request waits for a connection before answering 503. */
  acquireTimeoutMs: number;
}

export const DATABASE_OPTIONS = Symbol('DATABASE_OPTIONS');

/** The app's database: one engine and a bounded pool of connections to it, drained at shutdown. */
@Injectable()
export class Database {
  readonly engine = new Engine();
  readonly pool: Pool<DbConnection>;

  constructor(@Inject(DATABASE_OPTIONS) options: DatabaseOptions) {
    this.pool = new Pool({
      name: 'notes-db',
      create: () => this.engine.connect(),
      validate: (conn) => conn.isOpen,
      destroy: (conn) => conn.close(),
      max: options.poolSize,
      acquireTimeoutMs: options.acquireTimeoutMs,
    });
  }

  /** Opens the first connection before the app accepts requests, so a dead database fails fast. */
  @OnStartup()
  async ping(): Promise<void> {
    const conn = await this.pool.acquire();
    this.pool.release(conn);
  }

  /** Called by the app on shutdown, after in-flight requests finished. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.pool.drain();
  }
}

/**
 * A pooled connection for one request or one WebSocket connection, borrowed through the
 * Arena (so it goes back to the pool even if this code never runs again). A transaction still
 * open when the work ends is committed on success and rolled back when the handler threw.
 */
export const connection = dependency([Arena, Database], async function* connection(arena: Arena, db: Database) {
  const conn = await arena.acquire(db.pool);
  try {
    yield conn;
    if (conn.inTransaction) await conn.commit();
  } catch (err) {
    if (conn.inTransaction) await conn.rollback();
    throw err;
  }
});

/** The request's connection, inside a transaction. */
export const transaction = dependency([Depends(connection)], async function transaction(conn: DbConnection) {
  await conn.begin();
  return conn;
});

@Module({
  providers: [Database, { provide: DATABASE_OPTIONS, useValue: { poolSize: 4, acquireTimeoutMs: 5_000 } }],
  exports: [Database],
})
export class DatabaseModule {}
