// Zigmund on node:http; the app itself is in zigmund-app.ts.
import 'reflect-metadata';
import { bootstrap } from 'zigmund';
import { serverPort } from './env.js';
import { rootModule } from './zigmund-app.js';

const app = await bootstrap(rootModule(), { logStartup: false });
await app.serve({ port: serverPort() });
