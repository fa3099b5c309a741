// An app set up to face the internet: the built-in middleware app-wide, a router for the API,
// and (in main.ts) serve() with its connection limits. docs/middleware.md lists each option,
// docs/production.md the checklist this follows.
import 'reflect-metadata';
import { compression, cors, createApp, createRouter, csrf, rateLimit, securityHeaders, sessions, trustedHost, type Request } from 'zigmund';

export interface ProductionOptions {
  /** Signs the session cookie; at least 16 characters (from the environment in main.ts). */
  sessionSecret: string;
  /** Requests per client and minute before 429. */
  perMinute?: number;
}

export function productionApp({ sessionSecret, perMinute = 120 }: ProductionOptions) {
  const app = createApp({ title: 'Production sample', version: '1.0' });
  app.use(
    trustedHost({ hosts: ['127.0.0.1', 'localhost', 'api.example'] }),
    cors({ allowOrigins: ['https://app.example'], allowCredentials: true, allowMethods: ['GET', 'POST'], allowHeaders: ['x-csrf-token'] }),
    securityHeaders(),
    rateLimit({ windowMs: 60_000, max: perMinute }),
    compression(),
    sessions({ secret: sessionSecret }),
    csrf(),
  );

  const api = createRouter({ prefix: '/api', tags: ['api'] });
  // Safe methods pass csrf(); the answer hands the page its token.
  api.get('/visits', (req: Request) => {
    const visits = Number(req.session.visits ?? 0) + 1;
    req.session.visits = visits;
    return { visits, csrfToken: req.csrfToken() };
  });
  // Unsafe methods need the token back in x-csrf-token (or a `_csrf` form field).
  api.post('/notes', async (req: Request) => ({ saved: await req.json() }), { status: 201 });
  // Large enough to be compressed (compression()'s threshold is 500 bytes).
  api.get('/report', () => ({ rows: Array.from({ length: 200 }, (_, i) => ({ id: i, status: 'ok' })) }));
  app.includeRouter(api);
  return app;
}
