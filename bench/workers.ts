// `node dist/bench/workers.js [--quick]`: the hello workload served by `serve({ workers: 2 })`
// beside the same app in one process, in the same run. The server processes share one core
// and the load generator has the other, so wall-clock scaling cannot show on a 2-core machine:
// the comparison is requests per second of server CPU (primary and workers summed), which says
// what the cluster costs (the primary handing out connections, two processes on one core).
import { parseArgs } from 'node:util';
import { HTTP_WORKLOADS } from './lib/http-load.js';
import { log } from './lib/log.js';
import { pinned, runPinned } from './lib/machine.js';
import type { Peer } from './lib/peers.js';
import { FULL, QUICK, type Settings } from './lib/settings.js';
import { runHttpWorkload } from './lib/suite.js';
import { ensureWrk } from './lib/wrk.js';

const ONE: Peer = { id: 'one', label: 'one process', script: 'zigmund-workers', packages: ['zigmund'], env: { WORKERS: '1' } };
const TWO: Peer = { id: 'workers', label: 'workers: 2', script: 'zigmund-workers', packages: ['zigmund'], env: { WORKERS: '2' } };

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
  const preset = values.quick ? QUICK : { ...FULL, rounds: 6 };
  const generator = ensureWrk() ? 'wrk' : 'autocannon';
  const settings: Settings = { ...preset, http: { ...preset.http, generator } };
  if (!pinned()) log('warning: taskset or a second core is missing; servers and load share the CPU');
  const hello = HTTP_WORKLOADS.find((workload) => workload.id === 'hello')!;
  const result = await runHttpWorkload(hello, [ONE, TWO], settings);
  const row = (peer: Peer) => {
    const { median, perCpuSecond, serverCpuShare, error } = result.peers[peer.id];
    if (error) return `${peer.label.padEnd(14)} failed: ${error}`;
    const n = (value: number | undefined) => Math.round(value ?? 0).toLocaleString('en-US').padStart(9);
    return `${peer.label.padEnd(14)} ${n(median)} req/s   ${n(perCpuSecond)} req per server CPU-second   server CPU ${((serverCpuShare ?? 0) * 100).toFixed(0)}%`;
  };
  console.log(`GET /hello, ${settings.rounds} rounds of ${settings.measureSeconds} s, load: ${generator}, ${settings.http.connections} connections`);
  console.log(row(ONE));
  console.log(row(TWO));
  const one = result.peers[ONE.id].perCpuSecond;
  const two = result.peers[TWO.id].perCpuSecond;
  const ratio = one && two ? two / one : undefined;
  console.log(`per CPU-second, workers: 2 ÷ one process: ${ratio === undefined ? '—' : `${ratio.toFixed(2)}×`} (goal ≥ 0.95×)`);
  if (ratio === undefined) process.exitCode = 1;
}

if (runPinned(import.meta.url)) await main();
