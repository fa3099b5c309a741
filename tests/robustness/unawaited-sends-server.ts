// A server for unawaited-sends.test.ts, in its own process so that its memory can be measured:
// each connection gets 2,000 × 64 KiB binary messages from a handler that never awaits a send.
import { setImmediate as yieldTurn } from 'node:timers/promises';
import { ConnectionClosed, createApp, type Connection } from 'zigmund';

const CHUNK = 64 * 1024;
const SENDS = 2_000;
const gc = (globalThis as { gc?: () => void }).gc!;
const handlers: { code: number | undefined; after: string; sendsAttempted: number }[] = [];

const app = createApp({ logStartup: false, handleSignals: false });

app.websocket('/flood', async (conn: Connection) => {
  let sendsAttempted = 0;
  for (let i = 0; i < SENDS; i++) {
    // A fresh buffer each time: the memory a queue holds is then the memory it costs.
    void conn.sendBinary(Buffer.alloc(CHUNK, i));
    sendsAttempted++;
    if (i % 100 === 99) await yieldTurn();
  }
  const after = await conn.sendText('after').then(
    () => 'sent',
    (err: unknown) => (err instanceof ConnectionClosed ? `ConnectionClosed ${err.code}` : String(err)),
  );
  handlers.push({ code: conn.lastCloseCode, after, sendsAttempted });
});

app.get('/stats', () => {
  gc();
  const { rss, heapUsed, arrayBuffers } = process.memoryUsage();
  return { rss, held: heapUsed + arrayBuffers, handlers };
});

const url = await app.serve({ port: 0 });
console.log(JSON.stringify({ url }));
