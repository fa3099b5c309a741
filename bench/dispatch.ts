// `node dist/bench/dispatch.js [--quick]`: what Zigmund adds to a request, without the network.
// The benchmark app's request listener and the raw peer's hand-written one are called
// in-process with the same stand-in request and response objects, alternating, for the hello,
// params and validated POST routes: nanoseconds per request of each and the difference. A POST's
// stand-in request is a Readable holding the JSON body, so both listeners read it through the
// stream events as they do from a socket. The HTTP workloads of `npm run bench` measure the same
// code over real sockets, where the difference is a small part of a request. About 15 s (3 s
// with --quick).
import 'reflect-metadata';
import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { bootstrap } from 'zigmund';
import { cpuMicros, median, timePerCall } from './lib/in-process.js';
import { runPinned } from './lib/machine.js';
import { workloads } from './servers/raw-http.js';
import { BenchModule } from './servers/zigmund-app.js';

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/** The parts of a response the two listeners use on these routes; it keeps what was written. */
function standInResponse() {
  const written = { status: 0, headers: {} as Record<string, unknown>, body: '' };
  const res = {
    writeHead(status: number, headers: Record<string, unknown>) {
      written.status = status;
      written.headers = headers;
    },
    end(body?: string) {
      written.body = body ?? '';
    },
  };
  return { res: res as unknown as ServerResponse, written };
}

const request = (url: string) => ({ method: 'GET', url, headers: {} }) as IncomingMessage;

function compare(label: string, url: string, zigmund: Listener, raw: Listener, rounds: number, ms: number): void {
  const answers = [zigmund, raw].map((listener) => {
    const { res, written } = standInResponse();
    listener(request(url), res);
    return written;
  });
  assert.deepEqual(answers[0], answers[1], `${url}: both listeners must write the same answer`);
  const { res } = standInResponse();
  const call = (listener: Listener) => () => listener(request(url), res);
  const [callZigmund, callRaw] = [call(zigmund), call(raw)];
  timePerCall(callZigmund, ms / 2);
  timePerCall(callRaw, ms / 2);
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let round = 0; round < rounds; round++) {
    ours.push(timePerCall(callZigmund, ms));
    theirs.push(timePerCall(callRaw, ms));
  }
  const [z, r] = [median(ours), median(theirs)];
  const ns = (x: number) => `${x.toFixed(0).padStart(5)} ns`;
  console.log(`${label.padEnd(24)} Zigmund ${ns(z)}   hand-written ${ns(r)}   added ${ns(z - r)} a request`);
}

const POST_BODY = Buffer.from(JSON.stringify({ name: 'pen', price: 3 }));

/** A POST of the benchmark's JSON body whose answer resolves `answered`. */
function postExchange(): { req: IncomingMessage; res: ServerResponse; answered: Promise<{ status: number; body: string }> } {
  const req = Object.assign(new Readable({ read() {} }), {
    method: 'POST',
    url: '/items',
    headers: { 'content-type': 'application/json', 'content-length': String(POST_BODY.length) },
  });
  req.push(POST_BODY);
  req.push(null);
  let status = 0;
  let resolve!: (answer: { status: number; body: string }) => void;
  const answered = new Promise<{ status: number; body: string }>((r) => (resolve = r));
  const res = {
    headersSent: false,
    destroyed: false,
    writeHead(code: number) {
      status = code;
    },
    end(body?: string) {
      resolve({ status, body: body ?? '' });
    },
  };
  return { req: req as unknown as IncomingMessage, res: res as unknown as ServerResponse, answered };
}

/** Requests a hundred at a time for about `ms` milliseconds of CPU; nanoseconds of CPU per request. */
async function timePerPost(listener: Listener, ms: number): Promise<number> {
  let count = 0;
  const start = cpuMicros();
  let elapsed = 0;
  do {
    const batch: Promise<unknown>[] = [];
    for (let i = 0; i < 100; i++) {
      const { req, res, answered } = postExchange();
      listener(req, res);
      batch.push(answered);
    }
    await Promise.all(batch);
    count += 100;
    elapsed = cpuMicros() - start;
  } while (elapsed < ms * 1000);
  return (elapsed * 1e3) / count;
}

async function comparePost(zigmund: Listener, raw: Listener, rounds: number, ms: number): Promise<void> {
  const answers = await Promise.all(
    [zigmund, raw].map((listener) => {
      const { req, res, answered } = postExchange();
      listener(req, res);
      return answered;
    }),
  );
  assert.deepEqual(answers[0], answers[1], 'POST /items: both listeners must write the same answer');
  assert.equal(answers[0].status, 201);
  await timePerPost(zigmund, ms / 2);
  await timePerPost(raw, ms / 2);
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let round = 0; round < rounds; round++) {
    ours.push(await timePerPost(zigmund, ms));
    theirs.push(await timePerPost(raw, ms));
  }
  const [z, r] = [median(ours), median(theirs)];
  const ns = (x: number) => `${x.toFixed(0).padStart(5)} ns`;
  const ratios = ours.map((value, i) => theirs[i] / value);
  console.log(`${'POST /items (DTO)'.padEnd(24)} Zigmund ${ns(z)}   hand-written ${ns(r)}   added ${ns(z - r)} a request   (requests/s ratio ${median(ratios).toFixed(2)}×)`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
  const [rounds, ms] = values.quick ? [3, 150] : [7, 600];
  const app = await bootstrap(BenchModule, { logStartup: false });
  compare('GET /hello', '/hello', app.handle, workloads, rounds, ms);
  compare('GET /items/42?q=foo', '/items/42?q=foo', app.handle, workloads, rounds, ms);
  await comparePost(app.handle, workloads, rounds, ms);
}

if (runPinned(import.meta.url)) await main();
