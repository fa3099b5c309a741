// Fastify with the plugins its users add for the same jobs, for bench/middleware.ts:
// MIDDLEWARE=headers registers @fastify/cors + @fastify/helmet, `compression` @fastify/compress.
import Fastify from 'fastify';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import compress from '@fastify/compress';
import { serverPort } from './env.js';
import { BIG } from './middleware-payload.js';

const app = Fastify({ logger: false });
const chosen = process.env.MIDDLEWARE ?? '';
if (chosen === 'headers') {
  await app.register(cors, { origin: ['https://app.example'] });
  await app.register(helmet);
} else if (chosen === 'compression') {
  await app.register(compress, { threshold: 1024 });
} else if (chosen !== '') throw new Error(`MIDDLEWARE is headers or compression, not ${chosen}`);
app.get('/hello', { schema: { response: { 200: { type: 'object', properties: { message: { type: 'string' } } } } } }, async () => ({ message: 'Hello World' }));
app.get('/big', async () => BIG);
await app.listen({ port: serverPort(), host: '127.0.0.1' });
