// `node dist/bench/ws-memory.js [--quick] [--connections 10000] [--rounds 3] [--no-heap]`: idle
// WebSocket memory per connection, Zigmund's benchmark app against raw `ws`, fresh servers each
// round, in the same run: the growth of the server's RSS over `--connections` idle connections
// (100 handshakes at a time, 2 s of rest, a sample of them must still echo), divided by their
// number. Then, unless --no-heap, one heap snapshot of each server before and after the
// connections, diffed by constructor: what the JS heap holds per connection, and where the
// servers differ. About 2 minutes.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { median } from './lib/in-process.js';
import { openFileLimit, runPinned } from './lib/machine.js';
import { BenchServer, sleep } from './lib/server.js';
import { checkEcho, closeAll, freshSource, openMany, type WsTarget } from './lib/ws-load.js';

interface MemoryPeer {
  id: string;
  label: string;
  script: string;
}

const PEERS: MemoryPeer[] = [
  { id: 'zigmund', label: 'Zigmund', script: 'zigmund' },
  { id: 'raw', label: 'raw ws', script: 'raw' },
];

const target = (server: BenchServer): WsTarget => ({ port: server.port, path: '/ws' });

/** Self size and count of the heap's objects, by node type and constructor name. */
type HeapCensus = Map<string, { bytes: number; count: number }>;

interface HeapSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

function census(file: string): HeapCensus {
  const heap = JSON.parse(readFileSync(file, 'utf8')) as HeapSnapshot;
  const fields = heap.snapshot.meta.node_fields;
  const types = heap.snapshot.meta.node_types[0];
  const [TYPE, NAME, SIZE] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const out: HeapCensus = new Map();
  for (let i = 0; i < heap.nodes.length; i += fields.length) {
    const type = types[heap.nodes[i + TYPE]];
    // Strings, numbers and code are named by their content: group them by kind only.
    const name = type === 'object' || type === 'closure' || type === 'native' ? heap.strings[heap.nodes[i + NAME]] : '';
    const key = `${type}${name ? ` ${name}` : ''}`;
    const entry = out.get(key) ?? { bytes: 0, count: 0 };
    entry.bytes += heap.nodes[i + SIZE];
    entry.count++;
    out.set(key, entry);
  }
  return out;
}

/** Signals the server to write a heap snapshot and waits until it has (it answers again once written). */
async function snapshot(server: BenchServer, dir: string): Promise<string> {
  const before = new Set(readdirSync(dir));
  process.kill(server.pid, 'SIGUSR2');
  const deadline = Date.now() + 60_000;
  let file: string | undefined;
  while (!(file = readdirSync(dir).find((name) => !before.has(name)))) {
    if (Date.now() > deadline) throw new Error('no heap snapshot within 60 s');
    await sleep(50);
  }
  await fetch(`${server.url}/hello`);
  return join(dir, file);
}

interface RoundResult {
  kibPerConnection: number;
  heap?: { before: HeapCensus; after: HeapCensus };
}

async function measure(peer: MemoryPeer, count: number, withHeap: boolean): Promise<RoundResult> {
  const dir = mkdtempSync(join(tmpdir(), `ws-memory-${peer.id}-`));
  const flags = withHeap ? ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${dir}`] : [];
  const server = new BenchServer({ script: peer.script, nodeFlags: flags });
  try {
    await server.ready();
    const probe = await openMany(target(server), 3);
    await checkEcho(probe);
    closeAll(probe);
    await sleep(1000);
    const rssBefore = server.rssKiB();
    const heapBefore = withHeap ? await snapshot(server, dir) : undefined;
    const clients = await openMany({ ...target(server), localAddress: freshSource() }, count);
    try {
      await sleep(2000);
      const rssAfter = server.rssKiB();
      await checkEcho(clients.filter((_, i) => i % Math.ceil(count / 100) === 0));
      const heapAfter = withHeap ? await snapshot(server, dir) : undefined;
      const result: RoundResult = { kibPerConnection: (rssAfter - rssBefore) / count };
      if (heapBefore && heapAfter) result.heap = { before: census(heapBefore), after: census(heapAfter) };
      return result;
    } finally {
      closeAll(clients);
    }
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Heap growth per connection, by constructor, largest first. */
function growth(heap: { before: HeapCensus; after: HeapCensus }, count: number): { key: string; bytes: number; count: number }[] {
  const keys = new Set([...heap.before.keys(), ...heap.after.keys()]);
  return [...keys]
    .map((key) => {
      const [a, b] = [heap.before.get(key), heap.after.get(key)];
      return { key, bytes: ((b?.bytes ?? 0) - (a?.bytes ?? 0)) / count, count: ((b?.count ?? 0) - (a?.count ?? 0)) / count };
    })
    .filter((row) => Math.abs(row.bytes) >= 1)
    .sort((x, y) => y.bytes - x.bytes);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      connections: { type: 'string' },
      rounds: { type: 'string' },
      'no-heap': { type: 'boolean', default: false },
    },
  });
  const wanted = Number(values.connections ?? (values.quick ? 2000 : 10_000));
  const count = Math.min(wanted, openFileLimit() - 500);
  if (count < wanted) console.error(`open-file limit ${openFileLimit()}: measuring ${count} connections`);
  const rounds = Number(values.rounds ?? (values.quick ? 1 : 3));
  const samples = new Map<string, number[]>(PEERS.map((p) => [p.id, []]));
  for (let round = 1; round <= rounds; round++) {
    const order = round % 2 === 1 ? PEERS : [...PEERS].reverse();
    for (const peer of order) {
      const { kibPerConnection } = await measure(peer, count, false);
      samples.get(peer.id)!.push(kibPerConnection);
    }
    console.error(`round ${round}/${rounds}: ${PEERS.map((p) => `${p.id} ${samples.get(p.id)!.at(-1)!.toFixed(2)} KiB`).join(', ')}`);
  }
  console.log(`Idle WebSocket memory, ${count.toLocaleString('en-US')} connections, RSS growth per connection (median of ${rounds}):`);
  for (const peer of PEERS) console.log(`  ${peer.label.padEnd(10)} ${median(samples.get(peer.id)!).toFixed(2)} KiB   rounds: ${samples.get(peer.id)!.map((x) => x.toFixed(2)).join(', ')}`);
  const ratios = samples.get('zigmund')!.map((z, i) => z / samples.get('raw')![i]);
  console.log(`  Zigmund ÷ raw ws: ${median(ratios).toFixed(2)}× (median of the rounds' ratios)`);
  if (values['no-heap']) return;

  const heaps = new Map<string, ReturnType<typeof growth>>();
  for (const peer of PEERS) heaps.set(peer.id, growth((await measure(peer, count, true)).heap!, count));
  for (const peer of PEERS) {
    const rows = heaps.get(peer.id)!;
    const total = rows.reduce((sum, row) => sum + row.bytes, 0);
    console.log(`\nJS heap of ${peer.label}: +${total.toFixed(0)} bytes per connection; the largest kinds (bytes, objects per connection):`);
    for (const row of rows.slice(0, 14)) console.log(`  ${row.bytes.toFixed(0).padStart(6)} B  ${row.count.toFixed(2).padStart(5)}  ${row.key}`);
  }
  // Where the two differ: what Zigmund holds per connection beyond raw ws.
  const theirs = new Map(heaps.get('raw')!.map((row) => [row.key, row]));
  const extra = heaps
    .get('zigmund')!
    .map((row) => ({ ...row, bytes: row.bytes - (theirs.get(row.key)?.bytes ?? 0), count: row.count - (theirs.get(row.key)?.count ?? 0) }))
    .filter((row) => Math.abs(row.bytes) >= 8)
    .sort((x, y) => y.bytes - x.bytes);
  console.log('\nZigmund beyond raw ws, per connection (bytes, objects):');
  for (const row of extra.slice(0, 16)) console.log(`  ${row.bytes.toFixed(0).padStart(6)} B  ${row.count.toFixed(2).padStart(5)}  ${row.key}`);
}

if (runPinned(import.meta.url)) await main();
