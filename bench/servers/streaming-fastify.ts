// Fastify 5 serving the streaming workloads as its users do: SSE written on the raw response
// with a wait for 'drain' (Fastify has no SSE of its own), @fastify/static's sendFile, and a
// Readable sent as the reply.
import { once } from 'node:events';
import { basename, dirname } from 'node:path';
import { Readable } from 'node:stream';
import Fastify from 'fastify';
import fastifyStatic from '@fastify/static';
import { Broadcaster } from './broadcaster.js';
import { serverPort } from './env.js';

const ticks = new Broadcaster();
const CHUNK = Buffer.alloc(64 * 1024, 'z');
const file = process.env.BENCH_FILE!;
const app = Fastify({ logger: false });
await app.register(fastifyStatic, { root: dirname(file), serve: false });

app.get('/hello', async () => ({ message: 'Hello World' }));
app.get('/subscribers', async () => ({ count: ticks.size }));
app.post<{ Params: { count: string } }>('/publish/:count', async (req) => {
  ticks.publish(Number(req.params.count));
  return { published: Number(req.params.count) };
});
app.get('/events', (req, reply) => {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
  res.flushHeaders();
  const events = ticks.subscribe();
  res.once('close', () => void events.return?.());
  void (async () => {
    for await (const tick of events) {
      if (!res.write(`id: ${tick.id}\ndata: ${tick.data}\n\n`)) await once(res, 'drain');
    }
  })().catch(() => res.destroy());
});
app.get('/file', (_req, reply) => reply.sendFile(basename(file)));
app.get<{ Params: { mib: string } }>('/large/:mib', (req, reply) => {
  const chunks = Number(req.params.mib) * 16;
  reply.type('application/octet-stream');
  return reply.send(
    Readable.from(
      (function* () {
        for (let i = 0; i < chunks; i++) yield CHUNK;
      })(),
    ),
  );
});

await app.listen({ port: serverPort(), host: '127.0.0.1' });
