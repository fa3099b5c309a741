// HTTP workloads: correctness checks before measuring, then wrk (or autocannon) from this process.
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import { runWrk } from './wrk.js';

export interface HttpRequestSpec {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  /** Extra request headers, e.g. `authorization`. */
  headers?: Record<string, string>;
}

export interface HttpWorkload {
  id: string;
  title: string;
  request: HttpRequestSpec;
  status: number;
  json: unknown;
  /** Requests every peer must refuse, with one of `statuses` (FastAPI's 422 or a plain 400). */
  refused: (HttpRequestSpec & { statuses: number[] })[];
  /** The DI workload: GET /di/stats must show every session opened was torn down. */
  teardown?: boolean;
}

export const HTTP_WORKLOADS: HttpWorkload[] = [
  {
    id: 'hello',
    title: 'GET /hello',
    request: { method: 'GET', path: '/hello' },
    status: 200,
    json: { message: 'Hello World' },
    refused: [],
  },
  {
    id: 'params',
    title: 'GET /items/:id?q=foo',
    request: { method: 'GET', path: '/items/42?q=foo' },
    status: 200,
    json: { item_id: 42, q: 'foo' },
    refused: [{ method: 'GET', path: '/items/abc?q=foo', statuses: [400, 422] }],
  },
  {
    id: 'post',
    title: 'POST /items (validated DTO)',
    request: { method: 'POST', path: '/items', body: { name: 'pen', price: 1.5 } },
    status: 201,
    json: { name: 'pen', price: 1.5 },
    refused: [
      { method: 'POST', path: '/items', body: { name: 'pen', price: 'x' }, statuses: [400, 422] },
      { method: 'POST', path: '/items', body: { name: 'pen' }, statuses: [400, 422] },
    ],
  },
  {
    id: 'di',
    title: 'GET /di (request-scoped provider + dependency with teardown)',
    request: { method: 'GET', path: '/di' },
    status: 200,
    json: { message: 'Hello World', session: true },
    refused: [],
    teardown: true,
  },
];

async function call(base: string, spec: HttpRequestSpec): Promise<{ status: number; type: string; text: string }> {
  const res = await fetch(base + spec.path, {
    method: spec.method,
    headers: { ...spec.headers, ...(spec.body !== undefined && { 'content-type': 'application/json' }) },
    body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
  });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

/** Throws unless the server answers the workload and its refusals as every peer must. */
export async function checkHttp(base: string, workload: HttpWorkload): Promise<void> {
  const what = `${workload.request.method} ${workload.request.path}`;
  for (let i = 0; i < 3; i++) {
    const res = await call(base, workload.request);
    if (res.status !== workload.status) throw new Error(`${what}: status ${res.status}, expected ${workload.status}: ${res.text.slice(0, 200)}`);
    if (!res.type.startsWith('application/json')) throw new Error(`${what}: content-type "${res.type}"`);
    if (!isDeepStrictEqual(JSON.parse(res.text), workload.json)) throw new Error(`${what}: body ${res.text}, expected ${JSON.stringify(workload.json)}`);
  }
  for (const refusal of workload.refused) {
    const res = await call(base, refusal);
    if (!refusal.statuses.includes(res.status)) {
      throw new Error(`${refusal.method} ${refusal.path} ${JSON.stringify(refusal.body ?? '')}: status ${res.status}, expected ${refusal.statuses.join(' or ')}`);
    }
  }
  if (workload.teardown) await checkTeardown(base);
}

type SessionStats = { opened: number; closed: number };

/**
 * The DI route's teardown ran for each of a few requests: the count of sessions opened and
 * not closed is the same after them as before. (A load generator that stops with requests in
 * flight may leave the sessions of those aborted requests open in some peers — seen with
 * Fastify's onResponse hook when autocannon stopped; they are not counted against them.)
 */
export async function checkTeardown(base: string): Promise<void> {
  const stats = async (): Promise<SessionStats> => JSON.parse((await call(base, { method: 'GET', path: '/di/stats' })).text);
  // Requests a load generator left queued are still being served for a moment after it stops.
  let before = await stats();
  for (let i = 0; i < 50; i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const now = await stats();
    if (now.opened === before.opened && now.closed === before.closed) break;
    before = now;
  }
  const requests = 5;
  for (let i = 0; i < requests; i++) await call(base, { method: 'GET', path: '/di' });
  let after = await stats();
  for (let i = 0; i < 50 && after.closed - before.closed < requests; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    after = await stats();
  }
  if (after.opened - before.opened !== requests || after.closed - before.closed !== requests) {
    throw new Error(`DI teardown: ${requests} requests opened ${after.opened - before.opened} sessions and closed ${after.closed - before.closed}`);
  }
}

export interface LoadSettings {
  connections: number;
  pipelining: number;
  /** `wrk` when installed, else `autocannon`. */
  generator: 'wrk' | 'autocannon';
}

export interface LoadResult {
  requestsPerSecond: number;
  requests: number;
  /** Answers that were not 2xx: the run is invalid, the server answered wrongly under load. */
  wrongAnswers: number;
  /**
   * Socket errors and timeouts. A load generator stopping with pipelined requests in flight
   * can see a few; they are reported, and a run with more than 1 in 1,000 is invalid.
   */
  socketErrors: number;
}

/** Drives `workload` for `seconds` with the load generator of `settings`. */
export async function loadHttp(base: string, workload: HttpWorkload, seconds: number, settings: LoadSettings): Promise<LoadResult> {
  const { request } = workload;
  const body = request.body === undefined ? undefined : JSON.stringify(request.body);
  if (settings.generator === 'wrk') {
    const run = await runWrk(base + request.path, { method: request.method, body, headers: request.headers, seconds, ...settings });
    return {
      requestsPerSecond: run.requests / run.seconds,
      requests: run.requests,
      wrongAnswers: run.statusErrors,
      socketErrors: run.socketErrors + run.timeouts,
    };
  }
  const result = await autocannon({
    url: base + request.path,
    method: request.method,
    headers: { ...request.headers, ...(body !== undefined && { 'content-type': 'application/json' }) },
    body,
    connections: settings.connections,
    pipelining: settings.pipelining,
    duration: seconds,
  });
  return {
    requestsPerSecond: result.requests.total / result.duration,
    requests: result.requests.total,
    wrongAnswers: result.non2xx,
    socketErrors: result.errors + result.timeouts,
  };
}
