// Hono 4 on @hono/node-server: zod schemas through @hono/zod-validator for the path
// parameter and the body, a middleware for the DI workload, node-server's upgradeWebSocket.
import { Hono } from 'hono';
import { serve, upgradeWebSocket } from '@hono/node-server';
import { zValidator } from '@hono/zod-validator';
import { WebSocketServer } from 'ws';
import { z } from 'zod';
import { routeCount, serverPort } from './env.js';
import { Greeter, openSession, sessions } from './di-workload.js';
import { generatedPath } from './generated-routes.js';



type Env = { Variables: { greeter: Greeter; session: { open: boolean } } };

const itemId = z.object({ id: z.coerce.number().int() });
const itemIn = z.object({ name: z.string(), price: z.number() });

function workloads(): Hono<Env> {
  const app = new Hono<Env>();
  app.get('/hello', (c) => c.json({ message: 'Hello World' }));
  app.get('/items/:id', zValidator('param', itemId), (c) => c.json({ item_id: c.req.valid('param').id, q: c.req.query('q') }));
  app.post('/items', zValidator('json', itemIn), (c) => c.json(c.req.valid('json'), 201));
  app.use('/di', async (c, next) => {
    c.set('greeter', new Greeter());
    const session = await openSession();
    c.set('session', session);
    try {
      await next();
    } finally {
      session.open = false;
      sessions.closed++;
    }
  });
  app.get('/di', (c) => c.json({ message: c.var.greeter.greet(), session: c.var.session.open }));
  app.get('/di/stats', (c) => c.json(sessions));
  app.get(
    '/ws',
    upgradeWebSocket(() => ({
      onMessage(event, ws) {
        ws.send(typeof event.data === 'string' ? `echo: ${event.data}` : (event.data as ArrayBuffer));
      },
    })),
  );
  return app;
}

function manyRoutes(count: number): Hono {
  const app = new Hono();
  for (let i = 0; i < count; i++) {
    const { prefix, route } = generatedPath(i);
    app.get(`${prefix}${route}/:id`, zValidator('param', itemId), (c) => c.json({ id: c.req.valid('param').id }));
  }
  return app;
}

const count = routeCount();
const app = count > 0 ? manyRoutes(count) : workloads();
serve({
  fetch: app.fetch,
  port: serverPort(),
  hostname: '127.0.0.1',
  ...(count > 0 ? {} : { websocket: { server: new WebSocketServer({ noServer: true }) } }),
});
