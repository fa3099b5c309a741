// `node dist/bench/ws-echo.js [--quick]`: the demo app of `npm start` (samples/websockets)
// against a bare `ws` echo server that greets the same way, in the same run: echo
// messages per second of each, and the ratio. The WebSocket baseline of the performance issue.
import { parseArgs } from 'node:util';
import { runPinned } from './lib/machine.js';
import type { Peer } from './lib/peers.js';
import { ratio } from './lib/report.js';
import { FULL, QUICK } from './lib/settings.js';
import { runWsThroughput } from './lib/suite.js';

const DEMO: Peer = { id: 'zigmund', label: 'samples/websockets (Zigmund)', script: 'sample-websockets', packages: ['zigmund'], readyPath: '/info' };
const BARE: Peer = { id: 'raw', label: 'bare ws', script: 'raw', packages: ['ws'], env: { WS_GREETING: 'connected' } };

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
  // Two servers only, so more rounds fit: their median steadies the ratio on a busy machine.
  const settings = values.quick ? QUICK : { ...FULL, rounds: 5 };
  const result = await runWsThroughput([DEMO, BARE], settings, 'connected');
  for (const peer of [DEMO, BARE]) {
    const { median, error } = result.peers[peer.id];
    console.log(`${peer.label.padEnd(30)} ${error ? `failed: ${error}` : `${Math.round(median ?? 0).toLocaleString('en-US')} messages/s`}`);
  }
  const r = ratio(result, BARE.id);
  console.log(`ratio (demo ÷ bare ws)         ${r === undefined ? '—' : `${r.toFixed(2)}×`}`);
  if (r === undefined) process.exitCode = 1;
}

if (runPinned(import.meta.url)) await main();
