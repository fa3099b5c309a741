// Fastify 5 as its users write it for speed: JSON schemas for params, query, body and
// responses (ajv in, fast-json-stringify out), hooks for the DI workload, @fastify/websocket.
import Fastify, { type FastifyInstance } from 'fastify';
import websocket from '@fastify/websocket';
import { routeCount, serverPort } from './env.js';
import { Greeter, openSession, sessions } from './di-workload.js';
import { generatedPath } from './generated-routes.js';



declare module 'fastify' {
  interface FastifyRequest {
    greeter: Greeter | null;
    session: { open: boolean } | null;
  }
}

const message = { type: 'object', properties: { message: { type: 'string' } } } as const;
const item = {
  type: 'object',
  required: ['name', 'price'],
  properties: { name: { type: 'string' }, price: { type: 'number' } },
} as const;

async function workloads(app: FastifyInstance): Promise<void> {
  await app.register(websocket);
  app.decorateRequest('greeter', null);
  app.decorateRequest('session', null);

  app.get('/hello', { schema: { response: { 200: message } } }, async () => ({ message: 'Hello World' }));

  app.get<{ Params: { id: number }; Querystring: { q?: string } }>(
    '/items/:id',
    {
      schema: {
        params: { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } },
        querystring: { type: 'object', properties: { q: { type: 'string' } } },
        response: { 200: { type: 'object', properties: { item_id: { type: 'integer' }, q: { type: 'string' } } } },
      },
    },
    async (req) => ({ item_id: req.params.id, q: req.query.q }),
  );

  app.post<{ Body: { name: string; price: number } }>(
    '/items',
    { schema: { body: item, response: { 201: item } } },
    async (req, reply) => reply.code(201).send(req.body),
  );

  app.get(
    '/di',
    {
      schema: { response: { 200: { type: 'object', properties: { message: { type: 'string' }, session: { type: 'boolean' } } } } },
      preHandler: async (req) => {
        req.greeter = new Greeter();
        req.session = await openSession();
      },
      onResponse: async (req) => {
        req.session!.open = false;
        sessions.closed++;
      },
    },
    async (req) => ({ message: req.greeter!.greet(), session: req.session!.open }),
  );

  app.get('/di/stats', async () => sessions);

  app.get('/ws', { websocket: true }, (socket) => {
    socket.on('message', (data, isBinary) => socket.send(isBinary ? data : `echo: ${data}`));
  });
}

function manyRoutes(app: FastifyInstance, count: number): void {
  const params = { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } } as const;
  for (let i = 0; i < count; i++) {
    const { prefix, route } = generatedPath(i);
    app.get<{ Params: { id: number } }>(`${prefix}${route}/:id`, { schema: { params } }, async (req) => ({ id: req.params.id }));
  }
}

const app = Fastify({ logger: false });
const count = routeCount();
if (count > 0) manyRoutes(app, count);
else await workloads(app);
await app.listen({ port: serverPort(), host: '127.0.0.1' });
