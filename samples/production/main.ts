import { productionApp } from './app.js';

const secret = process.env.SESSION_SECRET;
if (!secret) throw new Error('set SESSION_SECRET (16 characters or more) to sign the session cookie');
const app = productionApp({ sessionSecret: secret });
// The limits are serve()'s defaults, written out; see docs/production.md for each.
await app.serve({
  host: process.env.HOST ?? '127.0.0.1',
  port: Number(process.env.PORT ?? 8000),
  headersTimeout: 10_000,
  requestTimeout: 60_000,
  keepAliveTimeout: 5_000,
  maxConnections: 10_000,
});
