import cluster from 'node:cluster';
import { entryArgument, portOption, workersOption, type Command } from '../args.js';
import { loadApp } from '../entry.js';

/** Set by `zigmund dev` in the environment of the `serve` child it runs. */
export const DEV_CHILD_ENV = 'ZIGMUND_DEV_CHILD';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the app (with --workers, on several processes)',
  help: `Usage: zigmund serve <entry> [--host 127.0.0.1] [--port 8000] [--workers N|auto]

Imports <entry> (a module exporting its app: \`export default app\`, \`export const app\`, or its
root @Module class) and serves it until SIGTERM or SIGINT, which stop it gracefully.

Options:
  --host <host>       address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
  --port <port>       port to listen on (default 8000; 0 picks a free one)
  --workers <N|auto>  worker processes on node:cluster, each running the app (default 1);
                      auto is one per available CPU
  -h, --help          this help`,
  options: {
    host: { type: 'string' },
    port: { type: 'string' },
    workers: { type: 'string' },
  },
  async run(values, positionals) {
    const entry = entryArgument(positionals);
    const host = typeof values.host === 'string' ? values.host : '127.0.0.1';
    const port = portOption(values.port, 8000);
    const workers = workersOption(values.workers);
    const app = await loadApp(entry);
    const url = await app.serve({ host, port, workers });
    // `zigmund dev` runs this command with an IPC channel, and learns the URL from it.
    if (process.env[DEV_CHILD_ENV] === '1' && process.send && cluster.isPrimary) process.send({ zigmund: 'listening', url });
    return true;
  },
};
