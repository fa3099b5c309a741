// Starting, watching and stopping one benchmark server, pinned to the server core.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pin, SERVER_CORE } from './machine.js';

const SERVERS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'servers');
// The clock ticks of /proc/<pid>/stat; 100 on every Linux we run on (sysconf(_SC_CLK_TCK)).
const CLOCK_TICKS = 100;
const READY_TIMEOUT_MS = 60_000;

let nextPort = 20_000 + Math.floor(Math.random() * 10_000);

// Servers still running; an interrupted run takes them down with it.
const live = new Set<ChildProcess>();
let stopOnSignal = false;

function watch(child: ChildProcess): void {
  if (!stopOnSignal) {
    stopOnSignal = true;
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        for (const running of live) running.kill('SIGKILL');
        process.exit(130);
      });
    }
  }
  live.add(child);
  child.on('exit', () => live.delete(child));
}

export interface ServerOptions {
  /** File under dist/bench/servers/ without `.js`, e.g. `fastify`. */
  script: string;
  env?: Record<string, string>;
  /** Extra node flags, e.g. `--cpu-prof`. */
  nodeFlags?: string[];
  /** Hears all the server prints, e.g. what `--trace-gc-nvp` writes. */
  onOutput?: (text: string) => void;
}

/** A running server process; `pid` is node's own (taskset execs it). */
export class BenchServer {
  readonly port: number;
  readonly startedAt: number;
  private readonly child: ChildProcess;
  private output = '';
  private exited: string | undefined;

  constructor(options: ServerOptions) {
    // A fresh port for every process, so no socket of an earlier one is still in TIME_WAIT on it.
    this.port = nextPort++;
    this.startedAt = performance.now();
    const command = pin(SERVER_CORE, [process.execPath, ...(options.nodeFlags ?? []), join(SERVERS_DIR, `${options.script}.js`)]);
    this.child = spawn(command[0], command.slice(1), {
      env: { ...process.env, ...options.env, PORT: String(this.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      const text = chunk.toString();
      this.output = (this.output + text).slice(-4000);
      options.onOutput?.(text);
    };
    this.child.stdout!.on('data', keep);
    this.child.stderr!.on('data', keep);
    watch(this.child);
    this.child.on('exit', (code, signal) => {
      this.exited = `exited with ${signal ?? code}`;
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Polls `path` until it answers 200; resolves with the milliseconds since spawn and the body. */
  async ready(path = '/hello', pollMs = 20): Promise<{ ms: number; body: string }> {
    const deadline = this.startedAt + READY_TIMEOUT_MS;
    while (performance.now() < deadline) {
      if (this.exited) throw new Error(`server ${this.describe()} ${this.exited}:\n${this.output}`);
      try {
        const res = await fetch(this.url + path);
        const body = await res.text();
        if (res.status === 200) return { ms: performance.now() - this.startedAt, body };
      } catch {
        // Not listening yet.
      }
      await sleep(pollMs);
    }
    throw new Error(`server ${this.describe()} did not answer ${path} within ${READY_TIMEOUT_MS} ms:\n${this.output}`);
  }

  /** Resident memory in KiB, from /proc/<pid>/status. */
  rssKiB(): number {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    if (!match) throw new Error(`no VmRSS for ${this.describe()}`);
    return Number(match[1]);
  }

  /** CPU seconds (user + system) the server has used so far, with its child processes (the workers of `serve({ workers })`). */
  cpuSeconds(): number {
    let ticks = 0;
    for (const fields of processTree(this.pid)) ticks += Number(fields[11]) + Number(fields[12]);
    return ticks / CLOCK_TICKS;
  }

  /** Stops the server with SIGTERM (so `--cpu-prof` can write), SIGKILL after `graceMs`. */
  async stop(graceMs = 3000): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await gone;
    clearTimeout(timer);
  }

  private describe(): string {
    return `${this.child.spawnargs.slice(-1)[0]} (pid ${this.pid}, port ${this.port})`;
  }
}

/** The /proc/<pid>/stat fields (after the name) of `root` and every live descendant of it. */
function processTree(root: number): string[][] {
  const stats = new Map<number, string[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      stats.set(Number(entry), stat.slice(stat.lastIndexOf(')') + 2).split(' '));
    } catch {
      // The process ended while the list was read.
    }
  }
  const tree = new Set([root]);
  // fields[1] is the parent pid; passes repeat until no grandchild is left out.
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, fields] of stats) {
      if (!tree.has(pid) && tree.has(Number(fields[1]))) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  const own = stats.get(root);
  if (!own) throw new Error(`server process ${root} is gone`);
  return [...tree].map((pid) => stats.get(pid)!);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
