// `node dist/bench/streaming.js [--quick]`: Zigmund's streaming answers beside Fastify 5
// (+ @fastify/static) in the same run, rounds alternating between them:
// - SSE fan-out: 1,000 clients hold an event stream; the server publishes events to all;
//   events delivered per second across the clients.
// - File download: a 10 MiB file fetched over and over by 4 keep-alive clients; MiB/s.
// - Slow reader: a 512 MiB generated body read at about 5 MiB/s; the server's RSS stays flat
//   when the producer is paused by backpressure (growth reported in MiB).
// About 2 minutes (40 s with --quick).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runPinned } from './lib/machine.js';
import { BenchServer, sleep } from './lib/server.js';
import { median } from './lib/in-process.js';

interface Peer {
  id: string;
  label: string;
  script: string;
}

const PEERS: Peer[] = [
  { id: 'zigmund', label: 'Zigmund', script: 'streaming-zigmund' },
  { id: 'fastify', label: 'Fastify 5 + @fastify/static', script: 'streaming-fastify' },
];

const FILE_MIB = 10;

async function until(check: () => boolean | Promise<boolean>, what: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(10);
  }
}

/** Opens `clients` event streams, publishes `events` events to all, and times their delivery. */
async function fanOut(server: BenchServer, clients: number, events: number): Promise<number> {
  const counts = new Array<number>(clients).fill(0);
  const sockets: net.Socket[] = [];
  for (let i = 0; i < clients; i++) {
    const socket = net.connect(server.port, '127.0.0.1');
    let tail = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      // One blank line ends each event; the status line and headers end in CRLF CRLF instead.
      const text = tail + chunk;
      for (let at = text.indexOf('\n\n'); at !== -1; at = text.indexOf('\n\n', at + 2)) counts[i]++;
      tail = text.slice(-1);
    });
    socket.on('error', () => undefined);
    socket.write('GET /events HTTP/1.1\r\nHost: bench\r\nAccept: text/event-stream\r\n\r\n');
    sockets.push(socket);
  }
  try {
    await until(async () => ((await (await fetch(`${server.url}/subscribers`)).json()) as { count: number }).count === clients, `${clients} subscribers`, 30_000);
    const publish = async (count: number, target: number) => {
      const start = performance.now();
      await fetch(`${server.url}/publish/${count}`, { method: 'POST' });
      await until(() => counts.every((c) => c >= target), 'every client to receive the events', 60_000);
      return performance.now() - start;
    };
    await publish(20, 20);
    const ms = await publish(events, 20 + events);
    return (clients * events) / (ms / 1000);
  } finally {
    for (const socket of sockets) socket.destroy();
  }
}

/** `clients` keep-alive loops fetching /file for `ms`; MiB/s received. */
async function download(server: BenchServer, clients: number, ms: number): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  let bytes = 0;
  const end = performance.now() + ms;
  const fetchOnce = () =>
    new Promise<void>((resolve, reject) => {
      http
        .get(`${server.url}/file`, { agent }, (res) => {
          if (res.statusCode !== 200) reject(new Error(`status ${res.statusCode}`));
          res.on('data', (chunk: Buffer) => (bytes += chunk.length));
          res.on('end', resolve);
          res.on('error', reject);
        })
        .on('error', reject);
    });
  const start = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) await fetchOnce();
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  return bytes / 2 ** 20 / seconds;
}

/** Reads a 512 MiB body at about 5 MiB/s for `ms`; the server's RSS growth in MiB, and what was read. */
async function slowReader(server: BenchServer, ms: number): Promise<{ growthMiB: number; readMiB: number }> {
  const base = server.rssKiB();
  const socket = net.connect({ port: server.port, host: '127.0.0.1' });
  socket.on('error', () => undefined);
  socket.write('GET /large/512 HTTP/1.1\r\nHost: bench\r\n\r\n');
  socket.pause();
  let read = 0;
  let peak = base;
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // 256 KiB every 50 ms.
    let chunk: Buffer | null;
    let taken = 0;
    while (taken < 256 * 1024 && (chunk = socket.read() as Buffer | null) !== null) taken += chunk.length;
    read += taken;
    peak = Math.max(peak, server.rssKiB());
    await sleep(50);
  }
  socket.destroy();
  return { growthMiB: (peak - base) / 1024, readMiB: read / 2 ** 20 };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
  const quick = values.quick;
  const rounds = quick ? 1 : 3;
  const clients = 1000;
  const events = quick ? 50 : 200;
  const dir = mkdtempSync(join(tmpdir(), 'zigmund-bench-'));
  const file = join(dir, 'ten-mib.bin');
  writeFileSync(file, Buffer.alloc(FILE_MIB * 2 ** 20, 7));
  const results: Record<string, { sse: number[]; file: number[]; growth: number[]; read: number[] }> = {};
  for (const peer of PEERS) results[peer.id] = { sse: [], file: [], growth: [], read: [] };
  try {
    for (let round = 0; round < rounds; round++) {
      // Alternate which peer goes first, so a slow spell of the shared machine hits both.
      const order = round % 2 === 0 ? PEERS : [...PEERS].reverse();
      for (const peer of order) {
        const server = new BenchServer({ script: peer.script, env: { BENCH_FILE: file } });
        try {
          await server.ready();
          results[peer.id].sse.push(await fanOut(server, clients, events));
          await download(server, 4, 500);
          results[peer.id].file.push(await download(server, 4, quick ? 2000 : 4000));
          const slow = await slowReader(server, quick ? 2000 : 4000);
          results[peer.id].growth.push(slow.growthMiB);
          results[peer.id].read.push(slow.readMiB);
        } finally {
          await server.stop();
        }
        console.error(`round ${round + 1}/${rounds}: ${peer.label} done`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  console.log(`median of ${rounds} round(s); the machine is shared, so treat ratios as noisy`);
  for (const peer of PEERS) {
    const r = results[peer.id];
    console.log(
      `${peer.label.padEnd(28)} SSE fan-out ${fmt(median(r.sse)).padStart(10)} events/s   ${FILE_MIB} MiB file ${fmt(median(r.file)).padStart(6)} MiB/s   slow reader: RSS +${fmt(Math.max(...r.growth), 1)} MiB while ${fmt(median(r.read), 1)} MiB were read`,
    );
  }
  const [z, f] = [results.zigmund, results.fastify];
  console.log(`ratio (Zigmund ÷ Fastify)    SSE fan-out ${(median(z.sse) / median(f.sse)).toFixed(2)}×   file ${(median(z.file) / median(f.file)).toFixed(2)}×`);
}

if (runPinned(import.meta.url)) await main();
