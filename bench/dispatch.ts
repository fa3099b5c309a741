// `node dist/bench/dispatch.js [--quick]`: what Zigmund adds to a request, without the network.
// The benchmark app's request listener and the raw peer's hand-written one are called
// in-process with the same stand-in request and response objects, alternating, for the hello
// and params routes: nanoseconds per request of each and the difference. The HTTP workloads of
// `npm run bench` measure the same code over real sockets, where the difference is a small
// part of a request. About 10 s (2 s with --quick).
import 'reflect-metadata';
import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseArgs } from 'node:util';
import { bootstrap } from 'zigmund';
import { median, timePerCall } from './lib/in-process.js';
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

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
  const [rounds, ms] = values.quick ? [3, 150] : [7, 600];
  const app = await bootstrap(BenchModule, { logStartup: false });
  compare('GET /hello', '/hello', app.handle, workloads, rounds, ms);
  compare('GET /items/42?q=foo', '/items/42?q=foo', app.handle, workloads, rounds, ms);
}

if (runPinned(import.meta.url)) await main();
