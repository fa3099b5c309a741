// The hand-written node:http request listeners of the raw peer: raw.ts serves them, dispatch.ts
// calls them in-process.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { routeCount } from './env.js';
import { Greeter, openSession, sessions, closeSession } from './di-workload.js';
import { generatedPath } from './generated-routes.js';

const JSON_TYPE = 'application/json';

function send(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': JSON_TYPE, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function notFound(res: ServerResponse): void {
  send(res, 404, { detail: 'Not Found' });
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch (err) {
        reject(err);
      }
    });
    req.on('error', reject);
  });
}


async function postItem(req: IncomingMessage, res: ServerResponse): Promise<void> {
  let body: unknown;
  try {
    body = await readJson(req);
  } catch {
    return send(res, 400, { detail: 'Invalid JSON' });
  }
  const item = body as { name?: unknown; price?: unknown } | null;
  if (typeof item !== 'object' || item === null || typeof item.name !== 'string' || typeof item.price !== 'number') {
    return send(res, 422, { detail: 'name must be a string and price a number' });
  }
  send(res, 201, { name: item.name, price: item.price });
}

async function diRoute(res: ServerResponse): Promise<void> {
  const greeter = new Greeter();
  const session = await openSession();
  try {
    send(res, 200, { message: greeter.greet(), session: session.open });
  } finally {
    closeSession(session);
  }
}

export function workloads(req: IncomingMessage, res: ServerResponse): void {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  if (req.method === 'GET') {
    if (path === '/hello') return send(res, 200, { message: 'Hello World' });
    if (path.startsWith('/items/')) {
      const raw = path.slice('/items/'.length);
      if (!/^-?\d+$/.test(raw)) return send(res, 422, { detail: 'id must be an integer' });
      const query = new URLSearchParams(q === -1 ? '' : url.slice(q + 1));
      return send(res, 200, { item_id: Number(raw), q: query.get('q') ?? undefined });
    }
    if (path === '/di') return void diRoute(res);
    if (path === '/di/stats') return send(res, 200, sessions);
  }
  if (req.method === 'POST' && path === '/items') return void postItem(req, res);
  notFound(res);
}

// The startup workload: `count` routes GET /c<c>/r<r>/:id, looked up in a map by hand.
function manyRoutes(count: number) {
  const table = new Map<string, (id: number) => unknown>();
  for (let i = 0; i < count; i++) {
    const { prefix, route } = generatedPath(i);
    table.set(prefix + route, (id) => ({ id }));
  }
  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = req.url ?? '/';
    const slash = url.lastIndexOf('/');
    const handler = table.get(url.slice(0, slash));
    const id = url.slice(slash + 1);
    if (!handler) return notFound(res);
    if (!/^-?\d+$/.test(id)) return send(res, 422, { detail: 'id must be an integer' });
    send(res, 200, handler(Number(id)));
  };
}

/** The listener to serve: the workloads, or the startup workload's routes when ROUTES is set. */
export function rootListener(): (req: IncomingMessage, res: ServerResponse) => void {
  const count = routeCount();
  return count > 0 ? manyRoutes(count) : workloads;
}
