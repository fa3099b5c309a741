// The two cores of a benchmark: the server runs on one, the load generator (this process) on the other.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

export const SERVER_CORE = 0;
export const LOAD_CORE = 1;

const hasTaskset = spawnSync('taskset', ['--version']).status === 0;
const twoCores = cpus().length >= 2;

/** The command line that runs `command` on `core`, or `command` itself when pinning is not possible. */
export function pin(core: number, command: string[]): string[] {
  return hasTaskset && twoCores ? ['taskset', '-c', String(core), ...command] : command;
}

/** Whether servers and load really run on separate cores. */
export function pinned(): boolean {
  return hasTaskset && twoCores;
}

/** The machine, as reported in results. */
export function describeMachine() {
  const list = cpus();
  let kernel = '';
  try {
    kernel = execFileSync('uname', ['-sr']).toString().trim();
  } catch {
    kernel = process.platform;
  }
  return {
    cpu: list[0]?.model ?? 'unknown',
    cores: list.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    kernel,
    pinned: pinned(),
  };
}

// 10,000 idle WebSockets need as many descriptors on each side, and some to spare.
const WANTED_FILES = 20_000 + 1_000;

/**
 * True when this process is the pinned run; otherwise runs the entry script `url` again on
 * the load core, with the open-file limit raised for the idle-connection workload, passes
 * signals on, exits with its status, and returns false.
 */
export function runPinned(url: string): boolean {
  if (process.env.ZIGMUND_BENCH_PINNED === '1') return true;
  const command = pin(LOAD_CORE, [process.execPath, ...process.execArgv, fileURLToPath(url), ...process.argv.slice(2)]);
  const raise = `ulimit -n ${WANTED_FILES} 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$@"`;
  const child = spawn('bash', ['-c', raise, 'bench', ...command], { stdio: 'inherit', env: { ...process.env, ZIGMUND_BENCH_PINNED: '1' } });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
  return false;
}

export function openFileLimit(): number {
  try {
    const match = /Max open files\s+(\d+)/.exec(readFileSync('/proc/self/limits', 'utf8'));
    return match ? Number(match[1]) : 1024;
  } catch {
    return 1024;
  }
}
