import type { Server } from 'node:http';
import type { Container } from './container.js';
import type { PendingWork } from './pending-work.js';

/** A startup or shutdown hook given as an app option. */
export type LifespanHook = () => unknown;

/**
 * FastAPI's `lifespan`: code before `yield` runs at startup, code after it at shutdown.
 * @example
 * lifespan: async function* () { const cache = await openCache(); yield; await cache.close(); }
 */
export type LifespanFn<A> = (app: A) => AsyncIterator<unknown> | Iterator<unknown>;

export interface LifespanOptions<A> {
  onStartup?: LifespanHook | LifespanHook[];
  onShutdown?: LifespanHook | LifespanHook[];
  lifespan?: LifespanFn<A>;
}

/**
 * Starts and stops an app once each: provider `@OnStartup()` hooks (dependencies first), then
 * `onStartup`, then `lifespan` up to its `yield`; at shutdown the reverse: the rest of
 * `lifespan`, `onShutdown`, provider `@OnShutdown()` hooks (dependents first), and last the
 * disposal of disposable singletons.
 */
export class Lifespan<A> {
  private starting: Promise<void> | undefined;
  private stopping: Promise<void> | undefined;
  private started = false;
  private generator: AsyncIterator<unknown> | Iterator<unknown> | undefined;

  constructor(
    private readonly container: Container,
    private readonly options: LifespanOptions<A>,
    private readonly app: A,
  ) {}

  /** Runs the startup hooks once; a failing hook rejects (and the app should not serve). */
  startup(): Promise<void> {
    if (this.stopping) return Promise.reject(new Error('zigmund: the app was closed; it cannot start again'));
    this.starting ??= this.runStartup();
    return this.starting;
  }

  /** Runs the shutdown hooks once (those of a completed startup), then disposes singletons. Never rejects. */
  shutdown(): Promise<void> {
    this.stopping ??= this.runShutdown();
    return this.stopping;
  }

  private async runStartup(): Promise<void> {
    for (const hook of this.container.startupHooks) await hook.run();
    for (const hook of list(this.options.onStartup)) await hook();
    if (this.options.lifespan) {
      const generator = this.options.lifespan(this.app);
      await generator.next();
      this.generator = generator;
    }
    this.started = true;
  }

  private async runShutdown(): Promise<void> {
    if (this.starting) await this.starting.catch(() => undefined);
    if (this.started) {
      if (this.generator) await logged('the lifespan shutdown', () => this.generator!.next());
      for (const hook of list(this.options.onShutdown)) await logged(`shutdown hook ${hook.name || 'anonymous'}`, hook);
      const hooks = this.container.shutdownHooks;
      for (let i = hooks.length - 1; i >= 0; i--) await logged(`shutdown hook ${hooks[i].name}`, hooks[i].run);
    }
    const disposables = this.container.disposables;
    for (let i = disposables.length - 1; i >= 0; i--) await logged(`disposing ${disposables[i].name}`, disposables[i].dispose);
  }
}

function list(hooks: LifespanHook | LifespanHook[] | undefined): LifespanHook[] {
  return hooks === undefined ? [] : Array.isArray(hooks) ? hooks : [hooks];
}

async function logged(what: string, fn: () => unknown): Promise<void> {
  try {
    await fn();
  } catch (err) {
    console.error(`zigmund: ${what} failed`, err);
  }
}

/** What a graceful stop waits for. */
export interface DrainTarget {
  server: Server;
  /** Whether the server is listening (an app used only through the TestClient is not). */
  listening: boolean;
  /** Ends each open WebSocket with 1001 and resolves when its handler has returned. */
  sockets: (() => Promise<void>)[];
  work: PendingWork;
  graceMs: number;
}

// How often idle keep-alive connections are closed while in-flight requests finish.
const IDLE_SWEEP_MS = 25;

/**
 * Stops accepting, closes WebSockets with 1001, lets in-flight requests finish and their
 * teardowns and background tasks run, all within `graceMs`; then cuts what is left.
 */
export async function drain({ server, listening, sockets, work, graceMs }: DrainTarget): Promise<void> {
  const deadline = Date.now() + graceMs;
  let sweep: NodeJS.Timeout | undefined;
  let requests: Promise<void> = Promise.resolve();
  if (listening) {
    requests = new Promise((resolve) => server.close(() => resolve()));
    // Connections kept alive after their last answer would hold close() until their timeout.
    server.closeIdleConnections();
    sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
  }
  try {
    const finished = await within(Promise.all([requests, ...sockets.map((shutdown) => shutdown())]), deadline);
    if (!finished && listening) {
      console.error(`zigmund: requests still running after the ${graceMs} ms shutdown grace period; closing their connections`);
      server.closeAllConnections();
    }
  } finally {
    clearInterval(sweep);
  }
  await within(work.idle(), deadline);
}

async function within(promise: Promise<unknown>, deadline: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()))));
  try {
    return await Promise.race([promise.then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const closers = new Set<() => Promise<void>>();
let stopping = false;

/**
 * While an app serves, SIGTERM and SIGINT close it gracefully and then exit the process with
 * code 0 (1 if closing failed); a second signal exits at once with 1. Returns the unsubscribe.
 */
export function closeOnSignals(close: () => Promise<void>): () => void {
  if (closers.size === 0) {
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  }
  closers.add(close);
  return () => {
    closers.delete(close);
    if (closers.size === 0 && !stopping) {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
    }
  };
}

function onSignal(signal: NodeJS.Signals): void {
  if (stopping) {
    console.error(`zigmund: ${signal} again, exiting now`);
    process.exit(1);
  }
  stopping = true;
  console.log(`zigmund: ${signal} received, shutting down gracefully`);
  void Promise.allSettled([...closers].map((close) => close())).then((results) => {
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) console.error('zigmund: shutdown failed', failed.reason);
    process.exit(failed ? 1 : 0);
  });
}
