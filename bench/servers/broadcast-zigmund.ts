// Broadcast fan-out through Zigmund's Hub: /room members get every message sent to /pub.
// With REDIS_URL, the Hub runs on the Redis adapter (several of these processes, one room).
import 'reflect-metadata';
import { createApp, redisAdapter, type Connection } from 'zigmund';
import { serverPort } from './env.js';

const app = createApp({ logStartup: false, handleSignals: false, hub: process.env.REDIS_URL ? { adapter: redisAdapter({ url: process.env.REDIS_URL }) } : {} });
const hub = app.hub;
app.get('/hello', () => 'ready');
app.websocket('/room', async (conn: Connection) => {
  await hub.join('bench', conn);
  await conn.sendText('ready');
  await conn.closed;
});
app.websocket('/pub', async (conn: Connection) => {
  for await (const msg of conn) await hub.publish('bench', msg.text());
});
await app.serve({ port: serverPort() });
