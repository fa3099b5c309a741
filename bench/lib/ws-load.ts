// WebSocket workloads: echo throughput with messages in flight, round trips at a fixed rate,
// and many idle connections for the memory measurement.
import { clientTextFrame, openWs, type WsClient } from './ws-client.js';
import { sleep } from './server.js';

export interface WsTarget {
  port: number;
  path: string;
  /** A first message the server sends on every connection (the demo's "connected"). */
  greeting?: string;
  /** The loopback address the connections come from (default 127.0.0.1); see `freshSource`. */
  localAddress?: string;
}

let sources = 0;

/**
 * A loopback address not used before by this process, to open many connections from. Each
 * closed connection holds its local port in TIME_WAIT for a minute; ten thousand a server,
 * several servers a run, would use up the 28,000 ephemeral ports of one source address and
 * stall the next handshakes. A new source address has all of them.
 */
export function freshSource(): string {
  sources++;
  return `127.0.${1 + Math.floor(sources / 250)}.${1 + (sources % 250)}`;
}

const MESSAGE = 'bench message 0123456789';
const FRAME = clientTextFrame(MESSAGE);
const EXPECTED = Buffer.from(`echo: ${MESSAGE}`);

/** Opens `count` connections, at most `concurrency` handshakes at a time. */
export async function openMany(target: WsTarget, count: number, concurrency = 100): Promise<WsClient[]> {
  const clients: WsClient[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      clients.push(await openWs(target.port, target.path, target.greeting, target.localAddress));
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  } catch (err) {
    closeAll(clients);
    throw err;
  }
  return clients;
}

export function closeAll(clients: WsClient[]): void {
  for (const client of clients) client.close();
}

/** Sends one message on each client and checks every reply is `echo: <message>`. */
export async function checkEcho(clients: WsClient[], timeoutMs = 10_000): Promise<void> {
  let answered = 0;
  const wrong: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`only ${answered} of ${clients.length} connections echoed within ${timeoutMs} ms`)), timeoutMs);
    for (const client of clients) {
      client.onText = (text) => {
        if (!text.equals(EXPECTED)) wrong.push(text.toString());
        if (++answered === clients.length) {
          clearTimeout(timer);
          resolve();
        }
      };
      client.send(FRAME);
    }
  });
  for (const client of clients) client.onText = () => undefined;
  if (wrong.length > 0) throw new Error(`expected "${EXPECTED}", got "${wrong[0]}" (${wrong.length} wrong replies)`);
}

/** Waits (at most 5 s) for the replies still on the way, closes the clients, and fails if any never came. */
async function drainAndClose(clients: WsClient[], outstanding: () => number): Promise<void> {
  const until = performance.now() + 5000;
  while (outstanding() > 0 && performance.now() < until) await sleep(10);
  closeAll(clients);
  if (outstanding() > 0) throw new Error(`${outstanding()} messages were never echoed`);
}

export interface ThroughputResult {
  messagesPerSecond: number;
  messages: number;
  wrongReplies: number;
}

/**
 * `connections` clients each keep `inFlight` messages on the way: every reply sends the next
 * message. Counts replies during `durationMs` after `warmupMs`.
 */
export async function echoThroughput(
  target: WsTarget,
  { connections, inFlight, warmupMs, durationMs }: { connections: number; inFlight: number; warmupMs: number; durationMs: number },
): Promise<ThroughputResult> {
  const clients = await openMany(target, connections);
  let replies = 0;
  let wrongReplies = 0;
  let sending = true;
  let outstanding = 0;
  for (const client of clients) {
    client.onText = (text) => {
      replies++;
      outstanding--;
      if (!text.equals(EXPECTED)) wrongReplies++;
      if (sending) {
        outstanding++;
        client.send(FRAME);
      }
    };
  }
  const burst = Buffer.concat(Array.from({ length: inFlight }, () => FRAME));
  for (const client of clients) client.send(burst);
  outstanding = connections * inFlight;
  await sleep(warmupMs);
  const startReplies = replies;
  const start = performance.now();
  await sleep(durationMs);
  const messages = replies - startReplies;
  const seconds = (performance.now() - start) / 1000;
  sending = false;
  await drainAndClose(clients, () => outstanding);
  return { messagesPerSecond: messages / seconds, messages, wrongReplies };
}

export interface LatencyResult {
  p50: number;
  p99: number;
  samples: number;
  wrongReplies: number;
}

/** `connections` clients send `ratePerSecond` messages in all, evenly; round trips in ms. */
export async function echoLatency(
  target: WsTarget,
  { connections, ratePerSecond, warmupMs, durationMs }: { connections: number; ratePerSecond: number; warmupMs: number; durationMs: number },
): Promise<LatencyResult> {
  const clients = await openMany(target, connections);
  const tickMs = 10;
  const perTick = Math.max(1, Math.round((ratePerSecond * tickMs) / 1000 / connections));
  const rtts: number[] = [];
  let recording = false;
  let wrongReplies = 0;
  let outstanding = 0;
  const sentAt = clients.map(() => [] as number[]);
  clients.forEach((client, i) => {
    client.onText = (text) => {
      const rtt = performance.now() - sentAt[i].shift()!;
      outstanding--;
      if (!text.equals(EXPECTED)) wrongReplies++;
      if (recording) rtts.push(rtt);
    };
  });
  const timer = setInterval(() => {
    for (let i = 0; i < clients.length; i++) {
      for (let k = 0; k < perTick; k++) {
        sentAt[i].push(performance.now());
        outstanding++;
        clients[i].send(FRAME);
      }
    }
  }, tickMs);
  await sleep(warmupMs);
  recording = true;
  await sleep(durationMs);
  recording = false;
  clearInterval(timer);
  await drainAndClose(clients, () => outstanding);
  rtts.sort((a, b) => a - b);
  const pick = (q: number) => rtts[Math.min(rtts.length - 1, Math.floor(q * rtts.length))];
  return { p50: pick(0.5), p99: pick(0.99), samples: rtts.length, wrongReplies };
}
