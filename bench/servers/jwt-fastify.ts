// Fastify with @fastify/jwt (fast-jwt, HS256) guarding GET /me, as its documentation shows it;
// JWT_CACHE=1 turns fast-jwt's verified-token cache (off by default) on.
import Fastify from 'fastify';
import fastifyJwt from '@fastify/jwt';
import { serverPort } from './env.js';

const app = Fastify({ logger: false });
await app.register(fastifyJwt, { secret: process.env.JWT_SECRET!, verify: { algorithms: ['HS256'], ...(process.env.JWT_CACHE === '1' && { cache: true }) } });

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
