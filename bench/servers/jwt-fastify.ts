// Fastify with @fastify/jwt (fast-jwt, HS256) guarding GET /me, as its documentation shows it.
import Fastify from 'fastify';
import fastifyJwt from '@fastify/jwt';
import { serverPort } from './env.js';

const app = Fastify({ logger: false });
await app.register(fastifyJwt, { secret: process.env.JWT_SECRET!, verify: { algorithms: ['HS256'] } });

app.get('/hello', { schema: { response: { 200: { type: 'object', properties: { message: { type: 'string' } } } } } }, async () => ({ message: 'Hello World' }));

app.get(
  '/me',
  {
    onRequest: async (req) => {
      await req.jwtVerify();
    },
    schema: { response: { 200: { type: 'object', properties: { sub: { type: 'string' } } } } },
  },
  async (req) => ({ sub: (req.user as { sub: string }).sub }),
);

await app.listen({ port: serverPort(), host: '127.0.0.1' });
