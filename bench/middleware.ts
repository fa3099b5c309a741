// `node dist/bench/middleware.js [--quick] [--load wrk|autocannon]`: the cost of built-in middleware,
// run the way `npm run bench` runs (fresh servers pinned to the server core, answers checked
// first, interleaved rounds), all peers in one run:
//   hello   GET /hello: raw node:http (bare, and writing the same security headers), Zigmund
//           and Fastify bare, then Zigmund with cors() +
//           securityHeaders() app-wide beside Fastify with @fastify/cors + @fastify/helmet;
//   gzip    GET /big (11 KiB of JSON) with Accept-Encoding: gzip: Zigmund's compression()
//           beside @fastify/compress, both at threshold 1024 and zlib's default level.
// Prints the medians and the ratios the targets are stated in. About 4 minutes (1 with --quick).
import { request } from 'node:http';
import { parseArgs } from 'node:util';
import type { HttpWorkload } from './lib/http-load.js';
import { log } from './lib/log.js';
import { pinned, runPinned } from './lib/machine.js';
import { packageVersion, type Peer } from './lib/peers.js';
import { FULL, QUICK, type Settings } from './lib/settings.js';
import { BenchServer } from './lib/server.js';
import { runHttpWorkload } from './lib/suite.js';
import { ensureWrk } from './lib/wrk.js';
import { BIG } from './servers/middleware-payload.js';

/** The peer answers GET /big gzip-compressed (fetch would decompress it silently). */
function checkGzip(base: string): Promise<void> {
  return new Promise((resolve, reject) => {
    request(`${base}/big`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
      res.resume();
      if (res.headers['content-encoding'] === 'gzip') resolve();
      else reject(new Error(`GET /big: content-encoding ${String(res.headers['content-encoding'])}, expected gzip`));
    })
      .on('error', reject)
      .end();
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, load: { type: 'string', default: 'wrk' } } });
  const preset: Settings = values.quick ? QUICK : FULL;
  const wrk = values.load === 'wrk' ? ensureWrk() : undefined;
  const settings: Settings = { ...preset, http: { ...preset.http, generator: wrk ? 'wrk' : 'autocannon' } };
  if (!pinned()) log('warning: taskset or a second core is missing; servers and load share the CPU');

  const zigmund = (id: string, label: string, middleware: string): Peer => ({ id, label, script: 'middleware-zigmund', packages: ['zigmund', 'negotiator'], env: { MIDDLEWARE: middleware } });
  const fastify = (id: string, label: string, middleware: string): Peer => ({ id, label, script: 'middleware-fastify', packages: ['fastify', '@fastify/cors', '@fastify/helmet', '@fastify/compress'], env: { MIDDLEWARE: middleware } });
  const helloPeers: Peer[] = [
    { id: 'raw', label: 'node:http', script: 'raw', packages: [] },
    { id: 'raw-headers', label: 'node:http writing the same headers', script: 'raw-headers', packages: [] },
    zigmund('zigmund', 'Zigmund, no middleware', ''),
    zigmund('zigmund-headers', 'Zigmund + cors() + securityHeaders()', 'headers'),
    fastify('fastify', 'Fastify, no plugins', ''),
    fastify('fastify-headers', 'Fastify + @fastify/cors + @fastify/helmet', 'headers'),
  ];
  const hello: HttpWorkload = { id: 'hello', title: 'GET /hello', request: { method: 'GET', path: '/hello' }, status: 200, json: { message: 'Hello World' }, refused: [] };
  const gzipPeers: Peer[] = [zigmund('zigmund-gzip', 'Zigmund + compression()', 'compression'), fastify('fastify-gzip', 'Fastify + @fastify/compress', 'compression')];
  const gzip: HttpWorkload = { id: 'gzip', title: 'GET /big, Accept-Encoding: gzip', request: { method: 'GET', path: '/big', headers: { 'accept-encoding': 'gzip' } }, status: 200, json: BIG, refused: [] };

  const results = [await runHttpWorkload(hello, helloPeers, settings), await runGzip(gzip, gzipPeers, settings)];
  const versions = ['fastify', '@fastify/cors', '@fastify/helmet', '@fastify/compress', 'negotiator'].map((name) => `${name} ${packageVersion(name)}`).join(', ');
  console.log(`\nnode ${process.version}, ${wrk ? `wrk ${wrk}` : 'autocannon'}, ${settings.rounds} rounds × ${settings.measureSeconds} s; ${versions}`);
  for (const result of results) {
    console.log(`\n${result.title}`);
    for (const [id, r] of Object.entries(result.peers)) {
      console.log(`${id.padEnd(18)} ${r.error ? `FAILED: ${r.error}` : `${Math.round(r.median ?? 0).toLocaleString('en-US').padStart(8)} req/s   samples ${r.samples.map((s) => Math.round(s)).join(' ')}`}`);
    }
  }
  const [h, g] = results;
  const ratio = (result: typeof h, a: string, b: string, what: string) => {
    const [x, y] = [result.peers[a]?.median, result.peers[b]?.median];
    if (x && y) console.log(`${what}: ${(x / y).toFixed(2)}×`);
  };
  console.log('');
  ratio(h, 'zigmund', 'raw', 'Zigmund bare / node:http (target ≥ 0.95)');
  ratio(h, 'zigmund-headers', 'raw', 'Zigmund + cors + securityHeaders / node:http (target ≥ 0.85)');
  ratio(h, 'zigmund-headers', 'fastify-headers', 'Zigmund + cors + securityHeaders / Fastify + cors + helmet (target ≥ 1.0)');
  ratio(h, 'zigmund', 'fastify', 'Zigmund bare / Fastify bare');
  ratio(h, 'raw-headers', 'raw', 'node:http writing the same 12 headers / node:http (what the headers cost by themselves)');
  ratio(h, 'zigmund-headers', 'raw-headers', 'Zigmund + cors + securityHeaders / node:http writing the same headers');
  ratio(g, 'zigmund-gzip', 'fastify-gzip', 'Zigmund compression() / @fastify/compress');
}

async function runGzip(workload: HttpWorkload, peers: Peer[], settings: Settings) {
  // The shared check decodes with fetch, which hides whether the body was compressed: check that first, on its own servers.
  for (const peer of peers) {
    const server = new BenchServer({ script: peer.script, env: peer.env });
    try {
      await server.ready();
      await checkGzip(server.url);
    } finally {
      await server.stop();
    }
  }
  return runHttpWorkload(workload, peers, settings);
}

if (runPinned(import.meta.url)) await main();
