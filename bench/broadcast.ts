// `node dist/bench/broadcast.js [--quick] [--sizes 1000,10000]`: broadcast fan-out, one publisher
// to every member of one room. Zigmund's Hub beside Socket.IO 4 and a hand-written `ws` loop in
// one process, then Zigmund on its Redis adapter beside Socket.IO on @socket.io/redis-adapter
// with two server processes on one Redis. Members and publisher live in this process (the load
// core); servers are pinned to the server core. The publisher keeps at most WINDOW messages not
// yet received by every member, so what is measured is delivery, not queueing. Reports
// deliveries per second (members × messages / elapsed) and the p50/p99 delivery latency.
import { parseArgs } from 'node:util';
import { RedisServer } from '../tests/support/redis.js';
import { log } from './lib/log.js';
import { pinned, runPinned } from './lib/machine.js';
import { packageVersion } from './lib/peers.js';
import { BenchServer } from './lib/server.js';
import { clientTextFrame, openWs, type WsClient } from './lib/ws-client.js';

const WINDOW = 8;
const OPEN_CONCURRENCY = 100;
const STALL_MS = 30_000;

interface Flavor {
  id: string;
  label: string;
  script: string;
  /** Opens a member, resolved once the server says it is in the room; `onSeq` gets each message's number. */
  member(port: number, onSeq: (seq: number) => void): Promise<WsClient>;
  publisher(port: number): Promise<WsClient>;
  frame(seq: number): Buffer;
}

function plain(id: string, label: string, script: string): Flavor {
  return {
    id,
    label,
    script,
    async member(port, onSeq) {
      const client = await openWs(port, '/room', 'ready');
      client.onText = (text) => onSeq(Number(text.toString()));
      return client;
    },
    publisher: (port) => openWs(port, '/pub'),
    frame: (seq) => clientTextFrame(String(seq)),
  };
}

// Engine.IO 4 over a WebSocket, by hand: "0{…}" open → "40" connect → events as 42[…]; "2" ping → "3" pong.
const PONG = clientTextFrame('3');
function openSocketIo(port: number, role: 'member' | 'pub', onSeq: (seq: number) => void): Promise<WsClient> {
  return openWs(port, `/socket.io/?EIO=4&transport=websocket&role=${role}`).then(
    (client) =>
      new Promise<WsClient>((resolve, reject) => {
        const prefix = Buffer.from('42["msg","');
        client.onText = (text) => {
          if (text[0] === 0x32 && text.length === 1) return client.send(PONG);
          if (text[0] === 0x30) return client.send(clientTextFrame('40'));
          if (text.subarray(0, 2).toString() === '40') {
            if (role === 'pub') resolve(client);
            return;
          }
          if (text.toString() === '42["ready"]') return resolve(client);
          if (text.subarray(0, prefix.length).equals(prefix)) return onSeq(Number(text.subarray(prefix.length, text.length - 2).toString()));
          if (text[0] === 0x34 && text[1] === 0x34) reject(new Error(`Socket.IO refused: ${text}`));
        };
      }),
  );
}

const SOCKET_IO = (id: string, label: string): Flavor => ({
  id,
  label,
  script: 'broadcast-socketio',
  member: (port, onSeq) => openSocketIo(port, 'member', onSeq),
  publisher: (port) => openSocketIo(port, 'pub', () => undefined),
  frame: (seq) => clientTextFrame(`42["pub","${seq}"]`),
});

interface Result {
  setup: string;
  peer: string;
  members: number;
  messages: number;
  deliveriesPerSecond?: number;
  p50Ms?: number;
  p99Ms?: number;
  error?: string;
}

async function openMany<T>(count: number, open: (i: number) => Promise<T>): Promise<T[]> {
  const opened: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: OPEN_CONCURRENCY }, async () => {
      while (next < count) {
        const i = next++;
        opened[i] = await open(i);
      }
    }),
  );
  return opened;
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

async function measure(flavor: Flavor, servers: BenchServer[], members: number, messages: number, setup: string): Promise<Result> {
  const result: Result = { setup, peer: flavor.label, members, messages };
  const sentAt = new Float64Array(messages);
  const remaining = new Int32Array(messages).fill(members);
  const latencies = new Float64Array(members * messages);
  let received = 0;
  let sent = 0;
  let completed = 0;
  let lastProgress = performance.now();
  const publisher = await flavor.publisher(servers[0].port);
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const pump = () => {
    while (sent < messages && sent - completed < WINDOW) {
      sentAt[sent] = performance.now();
      publisher.send(flavor.frame(sent));
      sent++;
    }
  };
  const onSeq = (seq: number) => {
    const now = performance.now();
    latencies[received++] = now - sentAt[seq];
    lastProgress = now;
    if (--remaining[seq] === 0) {
      completed++;
      if (completed === messages) finish();
      else pump();
    }
  };
  const clients = await openMany(members, (i) => flavor.member(servers[i % servers.length].port, onSeq));
  let closed = 0;
  for (const client of clients) client.socket.once('close', () => closed++);
  const started = performance.now();
  pump();
  const watchdog = setInterval(() => {
    if (performance.now() - lastProgress > STALL_MS) finish();
  }, 1000);
  await finished;
  clearInterval(watchdog);
  const elapsed = (performance.now() - started) / 1000;
  if (completed < messages) {
    result.error = `stalled: ${completed} of ${messages} messages reached every member; ${closed} members closed`;
  } else {
    const sorted = latencies.subarray(0, received).sort();
    result.deliveriesPerSecond = received / elapsed;
    result.p50Ms = percentile(sorted, 0.5);
    result.p99Ms = percentile(sorted, 0.99);
  }
  publisher.close();
  for (const client of clients) client.close();
  return result;
}

async function run(flavor: Flavor, members: number, messages: number, redisUrl?: string): Promise<Result> {
  const setup = redisUrl ? '2 processes + Redis' : '1 process';
  const count = redisUrl ? 2 : 1;
  const servers = Array.from({ length: count }, () => new BenchServer({ script: flavor.script, env: redisUrl ? { REDIS_URL: redisUrl } : {} }));
  try {
    await Promise.all(servers.map((server) => server.ready('/hello')));
    log(`${setup}: ${flavor.label}, ${members} members × ${messages} messages`);
    return await measure(flavor, servers, members, messages, setup);
  } catch (err) {
    return { setup, peer: flavor.label, members, messages, error: (err as Error).message };
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}

function row(r: Result): string {
  const cells = r.error
    ? [`FAILED: ${r.error}`]
    : [Math.round(r.deliveriesPerSecond!).toLocaleString('en-US').padStart(11), r.p50Ms!.toFixed(1).padStart(8), r.p99Ms!.toFixed(1).padStart(8)];
  return `| ${r.setup} | ${r.members.toLocaleString('en-US')} | ${r.peer} | ${cells.join(' | ')} |`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, sizes: { type: 'string', default: '1000,10000' } } });
  if (!pinned()) log('warning: taskset or a second core is missing; servers and load share the CPU');
  const sizes = values.sizes!.split(',').map(Number);
  const messagesFor = (members: number) => Math.max(20, Math.round((values.quick ? 50_000 : 300_000) / members));
  const single = [plain('zigmund', 'Zigmund Hub', 'broadcast-zigmund'), SOCKET_IO('socketio', 'Socket.IO 4'), plain('ws', 'ws loop by hand', 'broadcast-ws')];
  const multi = [plain('zigmund', 'Zigmund Hub + redisAdapter', 'broadcast-zigmund'), SOCKET_IO('socketio', 'Socket.IO 4 + redis-adapter')];
  const results: Result[] = [];
  for (const members of sizes) for (const flavor of single) results.push(await run(flavor, members, messagesFor(members)));
  const redis = await RedisServer.start();
  try {
    for (const members of sizes) for (const flavor of multi) results.push(await run(flavor, members, messagesFor(members), redis.url));
  } finally {
    await redis.kill();
  }
  const versions = ['ws', 'socket.io', '@socket.io/redis-adapter', 'ioredis'].map((name) => `${name} ${packageVersion(name)}`).join(', ');
  console.log(`\nBroadcast fan-out, 1 publisher, window ${WINDOW} — node ${process.version}; ${versions}`);
  console.log('| setup | members | server | deliveries/s | p50 ms | p99 ms |\n| --- | ---: | --- | ---: | ---: | ---: |');
  for (const r of results) console.log(row(r));
  for (const members of sizes) {
    for (const setup of ['1 process', '2 processes + Redis']) {
      const group = results.filter((r) => r.members === members && r.setup === setup && r.deliveriesPerSecond);
      const zig = group.find((r) => r.peer.startsWith('Zigmund'));
      if (!zig) continue;
      const ratios = group.filter((r) => r !== zig).map((r) => `${(zig.deliveriesPerSecond! / r.deliveriesPerSecond!).toFixed(2)}× ${r.peer}`);
      if (ratios.length > 0) console.log(`${setup}, ${members} members: Zigmund = ${ratios.join(', ')}`);
    }
  }
}

if (runPinned(import.meta.url)) await main();
