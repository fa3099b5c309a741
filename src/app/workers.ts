import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';

/** How many processes `serve({ workers })` runs: a count, or `'auto'` for `os.availableParallelism()`. */
export type WorkerCount = number | 'auto';

// Set in the environment of the workers this module forks, so each knows to follow its primary.
const WORKER_ENV = 'ZIGMUND_WORKER';
const SHUTDOWN = 'zigmund:shutdown';
// A crashed worker comes back after 100 ms, then 200, 400, … up to 10 s while it keeps crashing.
const FIRST_RESTART_MS = 100;
const MAX_RESTART_MS = 10_000;
// A worker that served this long before it crashed restarts without waiting.
const STABLE_MS = 10_000;
// What a worker is allowed beyond its own shutdown grace before the primary kills it.
const KILL_MARGIN_MS = 5_000;

/** A worker of `serve({ workers })` ended before it listened: `serve()` rejects with it, the other workers stopped. */
export class WorkerStartupError extends Error {
  readonly code = 'WORKER_STARTUP';

  constructor(message: string) {
    super(message);
    this.name = 'WorkerStartupError';
  }
}

/** The number of worker processes `workers` asks for; throws a `TypeError` on anything else. */
export function workerCount(workers: WorkerCount | undefined): number {
  if (workers === undefined) return 1;
  if (workers === 'auto') return availableParallelism();
  if (!Number.isInteger(workers) || workers < 1) throw new TypeError(`workers must be a positive integer or 'auto', not ${String(workers)}`);
  return workers;
}

/** Whether this process is a worker forked by `serve({ workers })`. */
export function isForkedWorker(): boolean {
  return cluster.isWorker && process.env[WORKER_ENV] === '1';
}

/**
 * In a forked worker: when the primary asks it to stop, closes the app gracefully (the same
 * `close()` as SIGTERM), then exits, 0 on success.
 */
export function followPrimary(close: () => Promise<void>): void {
  process.on('message', (message) => {
    if (message !== SHUTDOWN) return;
    close().then(
      () => process.exit(0),
      (err) => {
        console.error('zigmund: shutdown failed', err);
        process.exit(1);
      },
    );
  });
}

export interface SuperviseOptions {
  count: number;
  /** `https` when the workers serve with `tls`: the startup line's URL. */
  scheme: 'http' | 'https';
  /** Names the app in the startup line. */
  title: string;
  logStartup: boolean;
  /** The app's `shutdownGraceMs`: how long a worker may take to drain. */
  graceMs: number;
}

interface Slot {
  id: number;
  worker: Worker | undefined;
  failures: number;
  listeningAt: number | undefined;
  timer: NodeJS.Timeout | undefined;
}

/**
 * The primary of `serve({ workers })`: forks `count` workers, each of which runs the entry
 * script again and so builds its own app and listens (node:cluster shares the port). A worker
 * that crashes is forked again with a growing back-off; `stop()` asks every worker to drain.
 */
export class WorkerSupervisor {
  private readonly slots: Slot[] = [];
  private stopping: Promise<void> | undefined;
  private started = false;
  private url = '';
  private startupFailed: ((err: Error) => void) | undefined;

  constructor(private readonly options: SuperviseOptions) {
    for (let id = 1; id <= options.count; id++) this.slots.push({ id, worker: undefined, failures: 0, listeningAt: undefined, timer: undefined });
  }

  /** Forks the workers; resolves with the URL once all listen, rejects (after stopping the rest) if one exits first. */
  start(): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      this.startupFailed = (err) => {
        this.startupFailed = undefined;
        void this.stop().finally(() => reject(err));
      };
      let waiting = this.slots.length;
      for (const slot of this.slots) {
        this.fork(slot, () => {
          if (--waiting > 0) return;
          this.startupFailed = undefined;
          this.started = true;
          if (this.options.logStartup) console.log(`Zigmund serving ${this.options.title} on ${this.url} (${this.slots.length} workers, primary pid ${process.pid})`);
          resolve(this.url);
        });
      }
    });
  }

  private fork(slot: Slot, onListening?: () => void): void {
    slot.timer = undefined;
    slot.listeningAt = undefined;
    const worker = cluster.fork({ [WORKER_ENV]: '1' });
    slot.worker = worker;
    worker.once('listening', (address) => {
      slot.listeningAt = Date.now();
      this.url ||= urlOf(this.options.scheme, address);
      onListening?.();
    });
    worker.once('exit', (code, signal) => this.exited(slot, worker, code, signal));
  }

  private exited(slot: Slot, worker: Worker, code: number | null, signal: string | null): void {
    if (slot.worker !== worker) return;
    slot.worker = undefined;
    if (this.stopping) return;
    const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    if (!this.started && this.startupFailed) {
      this.startupFailed(new WorkerStartupError(`worker ${slot.id} (pid ${worker.process.pid}) ${how} before listening; its output above says why`));
      return;
    }
    if (code === 0 && !signal) {
      console.error(`zigmund: worker ${slot.id} (pid ${worker.process.pid}) exited with code 0; not restarting it`);
      return;
    }
    const ranFor = slot.listeningAt === undefined ? 0 : Date.now() - slot.listeningAt;
    slot.failures = ranFor >= STABLE_MS ? 1 : slot.failures + 1;
    const delay = Math.min(FIRST_RESTART_MS * 2 ** (slot.failures - 1), MAX_RESTART_MS);
    console.error(`zigmund: worker ${slot.id} (pid ${worker.process.pid}) ${how}; restarting it in ${delay} ms`);
    slot.timer = setTimeout(() => this.fork(slot), delay);
  }

  /** Asks every worker to drain and waits for all to exit; rejects if one had to be killed or failed. */
  stop(): Promise<void> {
    this.stopping ??= this.stopWorkers();
    return this.stopping;
  }

  private async stopWorkers(): Promise<void> {
    const exits: Promise<boolean>[] = [];
    for (const slot of this.slots) {
      clearTimeout(slot.timer);
      const worker = slot.worker;
      if (!worker) continue;
      exits.push(
        new Promise<boolean>((resolve) => {
          const killer = setTimeout(() => worker.process.kill('SIGKILL'), this.options.graceMs + KILL_MARGIN_MS);
          worker.once('exit', (code, signal) => {
            clearTimeout(killer);
            resolve(code === 0 && !signal);
          });
        }),
      );
      // A worker still starting has no handler for the message yet; SIGTERM ends it.
      if (slot.listeningAt !== undefined && worker.isConnected()) worker.send(SHUTDOWN);
      else worker.process.kill('SIGTERM');
    }
    const clean = await Promise.all(exits);
    if (clean.includes(false)) throw new Error('zigmund: a worker did not stop cleanly');
  }
}

function urlOf(scheme: 'http' | 'https', address: { address: string | null; port: number; addressType: number | string }): string {
  const host = address.address ?? (address.addressType === 6 ? '::' : '0.0.0.0');
  return `${scheme}://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}
