// The servers compared, and the versions of what they run on.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Peer {
  id: string;
  label: string;
  /** File under dist/bench/servers/, without `.js`. */
  script: string;
  /** Packages whose versions identify this peer in the results. */
  packages: string[];
  /** A GET path that answers 200 once the server is up (default `/hello`). */
  readyPath?: string;
  /** Extra environment of its server process. */
  env?: Record<string, string>;
  /** Extra node flags of its server process, e.g. `--cpu-prof`. */
  nodeFlags?: string[];
  /** The workloads it takes part in, when not all (`--only` names). */
  workloads?: string[];
}

/** Whether `peer` takes part in `workload`. */
export const serves = (peer: Peer, workload: string): boolean => peer.workloads === undefined || peer.workloads.includes(workload);

export const ZIGMUND: Peer = { id: 'zigmund', label: 'Zigmund', script: 'zigmund', packages: ['zigmund', 'class-validator', 'class-transformer', 'ws'] };

export const PEERS: Peer[] = [
  ZIGMUND,
  { id: 'raw', label: 'node:http + ws', script: 'raw', packages: ['ws'] },
  // The WebSocket limit for coalescing: raw ws with the replies of a turn corked into one write.
  { id: 'raw-corked', label: 'ws, corked', script: 'raw-corked', packages: ['ws'], workloads: ['ws-throughput', 'ws-latency', 'ws-memory'] },
  { id: 'fastify', label: 'Fastify', script: 'fastify', packages: ['fastify', '@fastify/websocket'] },
  { id: 'hono', label: 'Hono', script: 'hono', packages: ['hono', '@hono/node-server', '@hono/zod-validator', 'zod'] },
  {
    id: 'nest-express',
    label: 'NestJS (Express)',
    script: 'nest-express',
    packages: ['@nestjs/core', '@nestjs/platform-express', 'express', '@nestjs/platform-ws', 'class-validator'],
  },
  {
    id: 'nest-fastify',
    label: 'NestJS (Fastify)',
    script: 'nest-fastify',
    packages: ['@nestjs/core', '@nestjs/platform-fastify', '@nestjs/platform-ws', 'class-validator'],
  },
];

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The installed version of `name`, as the servers resolve it (nested copies included). */
export function packageVersion(name: string): string {
  if (name === 'zigmund') return JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
  const nested: Record<string, string> = { express: '@nestjs/platform-express' };
  const from = nested[name] ? createRequire(join(ROOT, 'node_modules', nested[name], 'package.json')) : createRequire(join(ROOT, 'package.json'));
  let dir = dirname(from.resolve(name));
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      if (pkg.name === name) return pkg.version;
    } catch {
      // Not the package root yet.
    }
    dir = dirname(dir);
  }
  return 'unknown';
}

/** Every package version of every peer, plus the load generator. */
export function versions(): Record<string, string> {
  const names = new Set([...PEERS.flatMap((peer) => peer.packages), 'autocannon']);
  return Object.fromEntries([['node', process.version], ...[...names].map((name) => [name, packageVersion(name)])]);
}
