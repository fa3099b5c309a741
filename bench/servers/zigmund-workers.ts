// The benchmark app served with `serve({ workers })`: WORKERS processes (default 1, this one).
import 'reflect-metadata';
import { bootstrap } from 'zigmund';
import { serverPort } from './env.js';
import { rootModule } from './zigmund-app.js';

const app = await bootstrap(rootModule(), { logStartup: false });
await app.serve({ port: serverPort(), workers: Number(process.env.WORKERS ?? 1) });
