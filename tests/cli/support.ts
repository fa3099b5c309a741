// Running the built `zigmund` CLI in child processes, as a user's shell would.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { get } from 'node:http';
import { after } from 'node:test';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CLI = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));
export const sample = (path: string) => fileURLToPath(new URL(`../../samples/${path}`, import.meta.url));
export const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

export interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `zigmund …args` to completion. */
export function runCli(args: string[], options: { cwd?: string } = {}): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: options.cwd ?? ROOT, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? null) : 0, stdout, stderr });
    });
  });
}

/** A CLI process that keeps running: its stdout lines, JSON lines parsed as events, awaited by predicate. */
export class CliProcess {
  readonly child: ChildProcess;
  readonly lines: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private waiters: { match: (line: string) => boolean; resolve: (line: string) => void }[] = [];

  constructor(args: string[], options: { cwd?: string; script?: string; env?: NodeJS.ProcessEnv } = {}) {
    this.child = spawn(process.execPath, [options.script ?? CLI, ...args], { cwd: options.cwd ?? ROOT, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
    for (const stream of [this.child.stdout!, this.child.stderr!]) createInterface({ input: stream }).on('line', (line) => this.seen(line));
    after(() => {
      if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    });
  }

  /** Resolves with the first line (already seen or to come) that `match` accepts; rejects after `ms`. */
  line(match: RegExp | ((line: string) => boolean), ms = 60_000, from = 0): Promise<string> {
    const test = typeof match === 'function' ? match : (line: string) => match.test(line);
    const seen = this.lines.slice(from).find(test);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no line matching ${String(match)} within ${ms} ms; output:\n${this.lines.join('\n')}`)), ms);
      this.waiters.push({
        match: test,
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
      });
    });
  }

  /** The JSON events printed so far (lines starting with `{`). */
  events(): { event: string; pid: number; [key: string]: unknown }[] {
    return this.lines.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line));
  }

  /** Resolves with the URL of the startup line. */
  async url(): Promise<string> {
    const line = await this.line(/https?:\/\/\S+/);
    return /https?:\/\/[^\s)]+/.exec(line)![0];
  }

  private seen(line: string): void {
    this.lines.push(line);
    for (const waiter of this.waiters.filter((w) => w.match(line))) {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve(line);
    }
  }
}

/** GET `url` on a fresh connection (no keep-alive), so node:cluster hands each request to the next worker. */
export function getFresh(url: string): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

/** Calls `probe` until it returns a value other than undefined, or throws after `ms`. */
export async function poll<T>(probe: () => Promise<T | undefined>, what: string, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${what} not within ${ms} ms${last ? ` (last error: ${String(last)})` : ''}`);
}
