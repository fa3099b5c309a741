// The workloads, each run the same way for every peer: fresh servers pinned to the server
// core, answers checked first, a discarded warm-up, then rounds that interleave the servers.
import { generatedPath } from '../servers/generated-routes.js';
import { checkHttp, checkTeardown, loadHttp, type HttpWorkload } from './http-load.js';
import { log } from './log.js';
import type { Peer } from './peers.js';
import { median, type PeerResult, type WorkloadResult } from './report.js';
import { BenchServer, sleep } from './server.js';
import type { Settings } from './settings.js';
import { checkEcho, closeAll, echoLatency, echoThroughput, freshSource, openMany, type WsTarget } from './ws-load.js';

interface Running {
  peer: Peer;
  server: BenchServer;
  result: PeerResult;
  cpuRates: number[];
  cpuShares: number[];
  socketErrors: number;
}

function emptyResult(): PeerResult {
  return { samples: [] };
}

/** Starts one server per peer, all at once; a peer whose server fails is reported, not fatal. */
async function startAll(peers: Peer[], results: Record<string, PeerResult>): Promise<Running[]> {
  const started = await Promise.all(
    peers.map(async (peer) => {
      results[peer.id] = emptyResult();
      const server = new BenchServer({ script: peer.script, env: peer.env, nodeFlags: peer.nodeFlags });
      try {
        await server.ready(peer.readyPath);
        const running: Running = { peer, server, result: results[peer.id], cpuRates: [], cpuShares: [], socketErrors: 0 };
        return running;
      } catch (err) {
        fail(results[peer.id], peer, err);
        await server.stop();
        return undefined;
      }
    }),
  );
  return started.filter((r) => r !== undefined);
}

function fail(result: PeerResult, peer: Peer, err: unknown): void {
  result.error = (err as Error).message.split('\n')[0];
  log(`  ${peer.label}: FAILED: ${(err as Error).message}`);
}

async function stopAll(running: Running[]): Promise<void> {
  await Promise.all(running.map((r) => r.server.stop()));
}

/**
 * Round `n` starts with the `n`-th server (A B C, B C A, …), so none is always first, and every
 * other round runs backwards (C B A, …), so none always follows the same one.
 */
function rotate<T>(list: T[], n: number): T[] {
  const k = list.length === 0 ? 0 : n % list.length;
  const order = [...list.slice(k), ...list.slice(0, k)];
  return n % 2 === 1 ? order.reverse() : order;
}

/**
 * Waits (at most 3 s) until a server just measured stops using CPU: a heavy server goes on
 * collecting garbage and closing sockets after its load ends, which must not land in the
 * next server's run on the same core.
 */
async function untilIdle(server: BenchServer): Promise<void> {
  const deadline = performance.now() + 3000;
  let before = server.cpuSeconds();
  while (performance.now() < deadline) {
    await sleep(100);
    const now = server.cpuSeconds();
    if (now === before) return;
    before = now;
  }
}

/**
 * Warm-up for each server, then `rounds` rounds of A B C …, each run after a discarded warm-up.
 * `measure` returns the rate and the count; with the server's CPU time, the per-CPU-second rate.
 */
async function interleave(
  running: Running[],
  settings: Settings,
  measure: (r: Running, seconds: number) => Promise<{ rate: number; count: number }>,
): Promise<void> {
  let active = running.filter((r) => !r.result.error);
  for (const r of active) {
    try {
      await measure(r, settings.warmupSeconds);
      await untilIdle(r.server);
    } catch (err) {
      fail(r.result, r.peer, err);
    }
  }
  for (let round = 1; round <= settings.rounds; round++) {
    active = active.filter((r) => !r.result.error);
    for (const r of rotate(active, round - 1)) {
      try {
        if (settings.runWarmupSeconds > 0) await measure(r, settings.runWarmupSeconds);
        const [cpu0, wall0] = [r.server.cpuSeconds(), performance.now()];
        const { rate, count } = await measure(r, settings.measureSeconds);
        const cpu = r.server.cpuSeconds() - cpu0;
        r.result.samples.push(rate);
        if (cpu > 0) r.cpuRates.push(count / cpu);
        r.cpuShares.push((cpu * 1000) / (performance.now() - wall0));
        await untilIdle(r.server);
      } catch (err) {
        fail(r.result, r.peer, err);
      }
    }
    log(`  round ${round}/${settings.rounds}: ${active.map((r) => `${r.peer.id} ${Math.round(r.result.samples.at(-1) ?? 0)}`).join(', ')}`);
  }
  for (const r of running) {
    r.result.median = median(r.result.samples);
    r.result.perCpuSecond = median(r.cpuRates);
    r.result.serverCpuShare = median(r.cpuShares);
    if (r.socketErrors > 0) r.result.socketErrors = r.socketErrors;
  }
}

export async function runHttpWorkload(workload: HttpWorkload, peers: Peer[], settings: Settings): Promise<WorkloadResult> {
  log(`${workload.title}`);
  const result: WorkloadResult = { id: workload.id, title: workload.title, unit: 'req/s', better: 'higher', peers: {} };
  const running = await startAll(peers, result.peers);
  for (const r of running) {
    try {
      await checkHttp(r.server.url, workload);
    } catch (err) {
      fail(r.result, r.peer, err);
    }
  }
  await interleave(running, settings, async (r, seconds) => {
    const load = await loadHttp(r.server.url, workload, seconds, settings.http);
    if (load.wrongAnswers > 0) throw new Error(`${load.wrongAnswers} answers with a 4xx/5xx status under load`);
    if (load.socketErrors > load.requests / 1000) throw new Error(`${load.socketErrors} socket errors or timeouts in ${load.requests} requests`);
    r.socketErrors += load.socketErrors;
    return { rate: load.requestsPerSecond, count: load.requests };
  });
  if (workload.teardown) {
    for (const r of running.filter((x) => !x.result.error)) {
      try {
        await checkTeardown(r.server.url);
      } catch (err) {
        fail(r.result, r.peer, err);
      }
    }
  }
  await stopAll(running);
  return result;
}

const wsTarget = (server: BenchServer, greeting?: string): WsTarget => ({ port: server.port, path: '/ws', greeting });

async function checkWs(target: WsTarget): Promise<void> {
  const clients = await openMany(target, 3);
  try {
    await checkEcho(clients);
  } finally {
    closeAll(clients);
  }
}

/** Echo messages per second with `connections` × `inFlight` messages on the way. */
export async function runWsThroughput(peers: Peer[], settings: Settings, greeting?: string): Promise<WorkloadResult> {
  const { connections, inFlight } = settings.ws;
  const title = `WebSocket echo, ${connections} connections × ${inFlight} in flight`;
  log(title);
  const result: WorkloadResult = { id: 'ws-throughput', title, unit: 'messages/s', better: 'higher', peers: {} };
  const running = await startAll(peers, result.peers);
  for (const r of running) {
    try {
      await checkWs(wsTarget(r.server, greeting));
    } catch (err) {
      fail(r.result, r.peer, err);
    }
  }
  await interleave(running, settings, async (r, seconds) => {
    const run = await echoThroughput(wsTarget(r.server, greeting), { connections, inFlight, warmupMs: 0, durationMs: seconds * 1000 });
    if (run.wrongReplies > 0) throw new Error(`${run.wrongReplies} wrong echoes`);
    return { rate: run.messagesPerSecond, count: run.messages };
  });
  await stopAll(running);
  return result;
}

/** Round trips at a fixed, low rate: p50 and p99, medians over rounds. */
export async function runWsLatency(peers: Peer[], settings: Settings): Promise<WorkloadResult[]> {
  const { latencyConnections: connections, latencyRate: ratePerSecond } = settings.ws;
  const what = `${ratePerSecond} messages/s over ${connections} connections`;
  log(`WebSocket round trip, ${what}`);
  const p50: WorkloadResult = { id: 'ws-p50', title: `WebSocket round trip p50, ${what}`, unit: 'ms', better: 'lower', peers: {} };
  const p99: WorkloadResult = { id: 'ws-p99', title: `WebSocket round trip p99, ${what}`, unit: 'ms', better: 'lower', peers: {} };
  const running = await startAll(peers, p50.peers);
  for (const r of running) p99.peers[r.peer.id] = emptyResult();
  const options = (seconds: number) => ({ connections, ratePerSecond, warmupMs: settings.runWarmupSeconds * 1000, durationMs: seconds * 1000 });
  for (const r of running) {
    try {
      await checkWs(wsTarget(r.server));
      await echoLatency(wsTarget(r.server), options(settings.warmupSeconds));
      await untilIdle(r.server);
    } catch (err) {
      fail(r.result, r.peer, err);
    }
  }
  for (let round = 1; round <= settings.latencyRounds; round++) {
    for (const r of rotate(running, round - 1).filter((x) => !x.result.error)) {
      try {
        const run = await echoLatency(wsTarget(r.server), options(settings.measureSeconds));
        if (run.wrongReplies > 0) throw new Error(`${run.wrongReplies} wrong echoes`);
        p50.peers[r.peer.id].samples.push(run.p50);
        p99.peers[r.peer.id].samples.push(run.p99);
        await untilIdle(r.server);
      } catch (err) {
        fail(r.result, r.peer, err);
      }
    }
    log(`  round ${round}/${settings.latencyRounds}: ${running.map((r) => `${r.peer.id} p99 ${(p99.peers[r.peer.id].samples.at(-1) ?? NaN).toFixed(2)} ms`).join(', ')}`);
  }
  for (const r of running) {
    p99.peers[r.peer.id].error = r.result.error;
    p50.peers[r.peer.id].median = median(p50.peers[r.peer.id].samples);
    p99.peers[r.peer.id].median = median(p99.peers[r.peer.id].samples);
  }
  await stopAll(running);
  return [p50, p99];
}

/** Server RSS growth per idle WebSocket connection, in KiB; a fresh server each round. */
export async function runWsMemory(peers: Peer[], settings: Settings, count: number): Promise<WorkloadResult> {
  const title = `Idle WebSocket memory, ${count.toLocaleString('en-US')} connections`;
  log(title);
  const result: WorkloadResult = { id: 'ws-memory', title, unit: 'KiB per connection', better: 'lower', peers: {} };
  for (const peer of peers) result.peers[peer.id] = emptyResult();
  for (let round = 1; round <= settings.memoryRounds; round++) {
    for (const peer of rotate(peers, round - 1).filter((p) => !result.peers[p.id].error)) {
      const server = new BenchServer({ script: peer.script, env: peer.env, nodeFlags: peer.nodeFlags });
      try {
        await server.ready(peer.readyPath);
        await checkWs(wsTarget(server));
        await sleep(1000);
        const before = server.rssKiB();
        const clients = await openMany({ ...wsTarget(server), localAddress: freshSource() }, count);
        try {
          await sleep(2000);
          const after = server.rssKiB();
          // The connections must be alive, not just counted: a sample of them echoes.
          await checkEcho(clients.filter((_, i) => i % Math.ceil(count / 100) === 0));
          result.peers[peer.id].samples.push((after - before) / count);
        } finally {
          closeAll(clients);
        }
      } catch (err) {
        fail(result.peers[peer.id], peer, err);
      } finally {
        await server.stop();
      }
    }
    log(`  round ${round}/${settings.memoryRounds}: ${peers.map((p) => `${p.id} ${(result.peers[p.id].samples.at(-1) ?? NaN).toFixed(2)} KiB`).join(', ')}`);
  }
  for (const peer of peers) result.peers[peer.id].median = median(result.peers[peer.id].samples);
  return result;
}

/** Time from spawning the process to the first right answer of an app with `routes` routes. */
export async function runStartup(peers: Peer[], settings: Settings): Promise<WorkloadResult> {
  const routes = settings.startupRoutes;
  const title = `Startup with ${routes.toLocaleString('en-US')} routes, to first answer`;
  log(title);
  const result: WorkloadResult = { id: 'startup', title, unit: 'ms', better: 'lower', peers: {} };
  for (const peer of peers) result.peers[peer.id] = emptyResult();
  const { prefix, route } = generatedPath(routes - 1);
  const path = prefix + route;
  for (let round = 1; round <= settings.startupRounds; round++) {
    for (const peer of rotate(peers, round - 1).filter((p) => !result.peers[p.id].error)) {
      const server = new BenchServer({ script: peer.script, env: { ...peer.env, ROUTES: String(routes) }, nodeFlags: peer.nodeFlags });
      try {
        const first = await server.ready(`${path}/7`, 5);
        if (first.body.replace(/\s/g, '') !== '{"id":7}') throw new Error(`${path}/7 answered ${first.body}`);
        if (round === 1) {
          const bad = await fetch(`${server.url}${path}/x`);
          if (bad.status !== 400 && bad.status !== 422) throw new Error(`${path}/x answered ${bad.status}, expected 400 or 422`);
        }
        result.peers[peer.id].samples.push(first.ms);
      } catch (err) {
        fail(result.peers[peer.id], peer, err);
      } finally {
        await server.stop();
      }
    }
    log(`  round ${round}/${settings.startupRounds}: ${peers.map((p) => `${p.id} ${Math.round(result.peers[p.id].samples.at(-1) ?? NaN)} ms`).join(', ')}`);
  }
  for (const peer of peers) result.peers[peer.id].median = median(result.peers[peer.id].samples);
  return result;
}
