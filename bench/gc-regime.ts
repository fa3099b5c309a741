// `node dist/bench/gc-regime.js [--peers zigmund,raw,fastify] [--trials 3] [--runs 8] [--node-flags "…"]`:
// the garbage collector's regime under the validated POST. Each trial starts a fresh server (pinned
// to the server core, with --trace-gc-nvp), gives it `--runs` wrk runs of 2 s with half a second
// between them — the restarts the paired rounds of `npm run bench` make — and reads the server's
// young-generation collections: the share of the bytes it allocated that survived into the old
// generation. A server that keeps its garbage young promotes well under 1%; one that has fallen
// into promoting whole requests promotes several percent and loses a third of its rate. About
// 25 s per server and trial.
import { parseArgs } from 'node:util';
import { HTTP_WORKLOADS } from './lib/http-load.js';
import { runPinned } from './lib/machine.js';
import { PEERS } from './lib/peers.js';
import { BenchServer, sleep } from './lib/server.js';
import { ensureWrk, runWrk } from './lib/wrk.js';

/** Sums the young-generation collections of a --trace-gc-nvp log as it streams in. */
class ScavengeTally {
  allocated = 0;
  promoted = 0;
  private partial = '';

  add(text: string): void {
    const lines = (this.partial + text).split('\n');
    this.partial = lines.pop()!;
    for (const line of lines) {
      if (!line.includes(' gc=s ')) continue;
      this.allocated += Number(/ allocated=(\d+)/.exec(line)?.[1] ?? 0);
      this.promoted += Number(/ promoted=(\d+)/.exec(line)?.[1] ?? 0);
    }
  }
}

async function trial(script: string, runs: number, flags: string[]): Promise<{ rates: number[]; promotedShare: number }> {
  const tally = new ScavengeTally();
  const server = new BenchServer({ script, nodeFlags: ['--trace-gc-nvp', ...flags], onOutput: (text) => tally.add(text) });
  const post = HTTP_WORKLOADS.find((workload) => workload.id === 'post')!;
  try {
    await server.ready();
    const rates: number[] = [];
    for (let run = 0; run < runs; run++) {
      const result = await runWrk(server.url + post.request.path, {
        method: 'POST',
        body: JSON.stringify(post.request.body),
        seconds: 2,
        connections: 100,
        pipelining: 10,
      });
      if (result.statusErrors > 0) throw new Error(`${script}: ${result.statusErrors} answers of 400 or more`);
      rates.push(result.requests / result.seconds);
      await sleep(500);
    }
    return { rates, promotedShare: tally.promoted / tally.allocated };
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      peers: { type: 'string', default: 'zigmund,raw,fastify' },
      trials: { type: 'string', default: '3' },
      runs: { type: 'string', default: '8' },
      'node-flags': { type: 'string', default: '' },
    },
  });
  if (!ensureWrk()) throw new Error('this measurement needs wrk (apt-get install wrk)');
  const peers = values.peers!.split(',').map((id) => {
    const peer = PEERS.find((candidate) => candidate.id === id);
    if (!peer) throw new Error(`unknown peer ${id} (known: ${PEERS.map((p) => p.id).join(', ')})`);
    return peer;
  });
  const flags = values['node-flags']!.split(' ').filter((flag) => flag !== '');
  console.log(`POST /items, ${values.runs} wrk runs of 2 s per trial (100 connections, 10 pipelined)${flags.length ? `, node ${flags.join(' ')}` : ''}`);
  for (let i = 0; i < Number(values.trials); i++) {
    // Peers take turns within a trial, so a slow stretch of the machine falls on all of them.
    for (const peer of peers) {
      const { rates, promotedShare } = await trial(peer.script, Number(values.runs), flags);
      const kilo = rates.map((rate) => (rate / 1000).toFixed(0).padStart(3)).join(' ');
      console.log(`trial ${i + 1}  ${peer.label.padEnd(16)} k req/s per run: ${kilo}   promoted ${(100 * promotedShare).toFixed(1)}% of allocated`);
    }
  }
}

if (runPinned(import.meta.url)) await main();
