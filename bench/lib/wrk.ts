// Debian's wrk as the HTTP load generator: written in C, it keeps the server core busy where
// a Node load generator on the other core would run out of CPU first.
import { spawnSync, execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { log } from './log.js';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'bench', 'wrk', 'pipeline.lua');

/** wrk's version line, or undefined when it is not installed. */
export function wrkVersion(): string | undefined {
  const probe = spawnSync('wrk', ['-v']);
  if (probe.error) return undefined;
  return /wrk (?:debian\/)?(\S+)/.exec(probe.stdout.toString() + probe.stderr.toString())?.[1] ?? 'unknown';
}

/** Installs Debian's wrk when missing and running as root; returns its version if it is there. */
export function ensureWrk(): string | undefined {
  const version = wrkVersion();
  if (version || process.getuid?.() !== 0) return version;
  log("wrk is missing; installing Debian's wrk with apt-get (the HTTP load generator)…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'wrk']]) {
    const run = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (run.status !== 0) return undefined;
  }
  return wrkVersion();
}

export interface WrkRun {
  requests: number;
  seconds: number;
  socketErrors: number;
  timeouts: number;
  /** Answers with a status of 400 or more. */
  statusErrors: number;
}

// wrk's default of 2 s is shorter than a slow server's queue of pipelined requests on a busy machine.
const TIMEOUT_SECONDS = 10;

/** One wrk run from this process's core (wrk inherits the load core's affinity). */
export function runWrk(
  url: string,
  { method, body, headers, seconds, connections, pipelining }: { method: string; body?: string; headers?: Record<string, string>; seconds: number; connections: number; pipelining: number },
): Promise<WrkRun> {
  // `-H` fills wrk.headers before the script's init, so every pipelined request carries them.
  const headerArgs = Object.entries(headers ?? {}).flatMap(([name, value]) => ['-H', `${name}: ${value}`]);
  const args = ['-t1', `-c${connections}`, `-d${Math.max(1, Math.round(seconds))}s`, `--timeout`, `${TIMEOUT_SECONDS}s`, ...headerArgs, '-s', SCRIPT, url, '--', String(pipelining), method, body ?? ''];
  return new Promise((resolve, reject) => {
    execFile('wrk', args, { timeout: (seconds + TIMEOUT_SECONDS + 30) * 1000 }, (err, stdout) => {
      if (err) return reject(new Error(`wrk failed: ${err.message}`));
      const line = stdout.split('\n').find((l) => l.startsWith('{"requests"'));
      if (!line) return reject(new Error(`wrk printed no summary:\n${stdout}`));
      const summary = JSON.parse(line);
      resolve({
        requests: summary.requests,
        seconds: summary.durationUs / 1e6,
        socketErrors: summary.socketErrors,
        timeouts: summary.timeouts,
        statusErrors: summary.statusErrors,
      });
    });
  });
}
