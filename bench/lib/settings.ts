// How long and how often: the full run (within 20 minutes) and --quick (about 3).
import type { LoadSettings } from './http-load.js';

export interface Settings {
  /** Measured rounds per workload; servers are interleaved within each round. */
  rounds: number;
  /** Discarded load per server before its first round, seconds. */
  warmupSeconds: number;
  /** Discarded load right before every measured run, seconds (0: none). */
  runWarmupSeconds: number;
  /** One measured run, seconds. */
  measureSeconds: number;
  /** HTTP load: connections, requests pipelined on each, and the load generator. */
  http: LoadSettings;
  ws: { connections: number; inFlight: number; latencyConnections: number; latencyRate: number };
  /** Rounds of the latency workload: its p99 swings with the machine's stalls, and a round costs little. */
  latencyRounds: number;
  idleConnections: number;
  memoryRounds: number;
  startupRounds: number;
  startupRoutes: number;
}

// Eight short rounds rather than three long ones: on this shared machine the speed of every
// server swings by up to 2x for stretches of seconds, so short, many and interleaved runs (and
// ratios taken within a round, see report.ts) are what keeps a ratio steady.
export const FULL: Settings = {
  rounds: 8,
  warmupSeconds: 2,
  runWarmupSeconds: 0,
  measureSeconds: 2,
  http: { connections: 100, pipelining: 10, generator: 'wrk' },
  ws: { connections: 50, inFlight: 10, latencyConnections: 10, latencyRate: 1000 },
  latencyRounds: 8,
  idleConnections: 10_000,
  memoryRounds: 3,
  startupRounds: 5,
  startupRoutes: 1000,
};

export const QUICK: Settings = {
  ...FULL,
  rounds: 2,
  warmupSeconds: 1,
  runWarmupSeconds: 0,
  measureSeconds: 1,
  latencyRounds: 2,
  idleConnections: 2000,
  memoryRounds: 1,
  startupRounds: 2,
};
