// Zigmund serving the streaming workloads: SSE fan-out (Response.sse), a file download
// (Response.file) and a large generated body (Response.stream).
import 'reflect-metadata';
import { createApp, Response } from 'zigmund';
import { Broadcaster } from './broadcaster.js';
import { serverPort } from './env.js';

const ticks = new Broadcaster();
const CHUNK = Buffer.alloc(64 * 1024, 'z');
const app = createApp({ logStartup: false, handleSignals: false, openapiUrl: null });

app.get('/hello', () => ({ message: 'Hello World' }));
app.get('/subscribers', () => ({ count: ticks.size }));
app.post('/publish/:count', (req) => {
  ticks.publish(Number(req.params.count));
  return { published: Number(req.params.count) };
});
app.get('/events', () => Response.sse(ticks.subscribe(), { pingIntervalMs: 0 }));
app.get('/file', () => Response.file(process.env.BENCH_FILE!));
app.get('/large/:mib', (req) => {
  const chunks = Number(req.params.mib) * 16;
  return Response.stream(
    (function* () {
      for (let i = 0; i < chunks; i++) yield CHUNK;
    })(),
  );
});

await app.serve({ port: serverPort() });
