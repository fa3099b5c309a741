import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, watch } from 'node:fs';
import { dirname, extname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliError, entryArgument, portOption, type Command } from '../args.js';
import { DEV_CHILD_ENV } from './serve.js';
import { compiledPath, findTsconfig, projectTsc, watchTsc } from '../tsc-watch.js';

const MAIN = fileURLToPath(new URL('../main.js', import.meta.url));
const TYPESCRIPT = /\.[cm]?ts$/;
// Editors write a file in several steps; changes this close together restart once.
const SETTLE_MS = 100;

export const devCommand: Command = {
  name: 'dev',
  summary: 'serve the app, recompile and restart it on every change',
  help: `Usage: zigmund dev <entry> [--host 127.0.0.1] [--port 8000] [--project tsconfig.json]

Runs the project's own TypeScript compiler in watch mode (tsc -p <tsconfig> --watch) and
serves <entry> in a child process, restarted on the same port after every compilation without
errors. A compilation with errors prints them and keeps the last good server running.
<entry> is the TypeScript source (src/app.ts) or its compiled output (dist/app.js). Without
a tsconfig.json, a JavaScript entry is served and restarted when a file in its folder changes.

Options:
  --host <host>       address to listen on (default 127.0.0.1)
  --port <port>       port to listen on (default 8000; 0 picks a free one, kept across restarts)
  --project <file>    the tsconfig.json (default: the nearest one at or above the entry)
  -h, --help          this help`,
  options: {
    host: { type: 'string' },
    port: { type: 'string' },
    project: { type: 'string', short: 'p' },
  },
  async run(values, positionals) {
    const entry = resolve(entryArgument(positionals));
    const host = typeof values.host === 'string' ? values.host : '127.0.0.1';
    const server = new DevServer(host, portOption(values.port, 8000));
    const project = typeof values.project === 'string' ? resolve(values.project) : findTsconfig(dirname(entry));
    if (project !== undefined && !existsSync(project)) throw new CliError(`--project ${values.project} not found`);
    if (project === undefined) {
      if (TYPESCRIPT.test(entry)) throw new CliError(`no tsconfig.json at or above ${relative('.', entry)}; pass --project`);
      if (!existsSync(entry)) throw new CliError(`entry ${relative('.', entry)} not found`);
      server.entry = entry;
      watchFolder(dirname(entry), server);
      onSignals(() => server.stop());
      server.restart('starting');
      return true;
    }
    const tsc = projectTsc(project);
    const candidates = TYPESCRIPT.test(entry) ? compiledPath(tsc, project, entry) : [entry];
    console.log(`zigmund dev: compiling with ${relative('.', tsc)} -p ${relative('.', project) || project} --watch`);
    const compiler = watchTsc(tsc, project, (errors) => {
      if (errors > 0) {
        console.log(`zigmund dev: ${errors} compile error${errors === 1 ? '' : 's'}; ${server.running ? 'the server keeps running the last good build' : 'waiting for a fix'}`);
        return;
      }
      server.entry ??= candidates.find((candidate) => existsSync(candidate));
      if (!server.entry) {
        console.error(`zigmund dev: tsc did not write ${candidates.map((c) => relative('.', c)).join(' or ')}; is ${relative('.', entry)} part of ${relative('.', project)}?`);
        return;
      }
      server.restart(server.running ? 'recompiled, restarting' : 'starting');
    });
    compiler.child.on('exit', (code) => {
      console.error(`zigmund dev: tsc exited with code ${code}`);
      void server.stop().then(() => process.exit(1));
    });
    onSignals(async () => {
      compiler.child.removeAllListeners('exit');
      compiler.stop();
      await server.stop();
    });
    return true;
  },
};

/** The server child: `zigmund serve <entry>`, replaced after each good build, always on the same port. */
class DevServer {
  entry: string | undefined;
  private child: ChildProcess | undefined;
  private queue: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly host: string,
    private port: number,
  ) {}

  get running(): boolean {
    return this.child !== undefined;
  }

  /** Stops the current server (gracefully) and starts a new one, after any restart already under way. */
  restart(why: string): void {
    this.queue = this.queue.then(async () => {
      if (this.stopped) return;
      console.log(`zigmund dev: ${why}`);
      await this.stopChild();
      this.start();
    });
  }

  stop(): Promise<void> {
    this.stopped = true;
    return (this.queue = this.queue.then(() => this.stopChild()));
  }

  private start(): void {
    const args = [...process.execArgv, MAIN, 'serve', this.entry!, '--host', this.host, '--port', String(this.port)];
    const child = spawn(process.execPath, args, { stdio: ['inherit', 'inherit', 'inherit', 'ipc'], env: { ZIGMUND_ENV: 'development', ...process.env, [DEV_CHILD_ENV]: '1' } });
    this.child = child;
    child.on('message', (message: { zigmund?: string; url?: string }) => {
      if (message?.zigmund !== 'listening' || !message.url) return;
      // Port 0 picks a free port once; every restart then reuses it.
      this.port = Number(new URL(message.url).port);
      console.log(`zigmund dev: serving on ${message.url}`);
    });
    child.on('exit', (code, signal) => {
      if (this.child !== child) return;
      this.child = undefined;
      console.log(`zigmund dev: the server exited with ${signal ?? `code ${code}`}; waiting for a change`);
    });
  }

  private async stopChild(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }
}

/** Without a compiler: restarts when a JavaScript or JSON file under `dir` changes. */
function watchFolder(dir: string, server: DevServer): void {
  let timer: NodeJS.Timeout | undefined;
  watch(dir, { recursive: true }, (_event, file) => {
    if (!file || !['.js', '.mjs', '.cjs', '.json'].includes(extname(file)) || file.split(/[\\/]/).includes('node_modules')) return;
    clearTimeout(timer);
    timer = setTimeout(() => server.restart(`${file} changed, restarting`), SETTLE_MS);
  });
}

function onSignals(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = () => {
    if (stopping) process.exit(1);
    stopping = true;
    void stop().then(() => process.exit(0));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
