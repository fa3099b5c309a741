// `node dist/bench/jwt.js [--quick] [--load wrk|autocannon]`: GET /me behind an HS256 JWT, Zigmund's
// JWTBearer (jose) beside Fastify + @fastify/jwt (fast-jwt), in the same run and the same way as
// `npm run bench`: fresh servers pinned to the server core, answers and refusals checked first,
// interleaved rounds. Prints the medians and the ratio. About 1 minute (15 s with --quick).
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { SignJWT } from 'jose';
import type { HttpWorkload } from './lib/http-load.js';
import { log } from './lib/log.js';
import { pinned, runPinned } from './lib/machine.js';
import { packageVersion, type Peer } from './lib/peers.js';
import { FULL, QUICK, type Settings } from './lib/settings.js';
import { runHttpWorkload } from './lib/suite.js';
import { ensureWrk } from './lib/wrk.js';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, load: { type: 'string', default: 'wrk' } } });
  const preset: Settings = values.quick ? QUICK : FULL;
  const wrk = values.load === 'wrk' ? ensureWrk() : undefined;
  const generator = wrk ? 'wrk' : 'autocannon';
  const settings: Settings = { ...preset, http: { ...preset.http, generator } };
  if (!pinned()) log('warning: taskset or a second core is missing; servers and load share the CPU');

  const secret = randomBytes(32).toString('base64url');
  const token = await new SignJWT({ scope: 'me' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject('bench-user')
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(new TextEncoder().encode(secret));
  const env = { JWT_SECRET: secret };
  const peers: Peer[] = [
    { id: 'zigmund', label: 'Zigmund JWTBearer', script: 'jwt-zigmund', packages: ['zigmund', 'jose'], env },
    { id: 'fastify', label: 'Fastify + @fastify/jwt', script: 'jwt-fastify', packages: ['fastify', '@fastify/jwt'], env },
  ];
  const workload: HttpWorkload = {
    id: 'jwt',
    title: 'GET /me with an HS256 bearer JWT',
    request: { method: 'GET', path: '/me', headers: { authorization: `Bearer ${token}` } },
    status: 200,
    json: { sub: 'bench-user' },
    refused: [
      { method: 'GET', path: '/me', statuses: [401] },
      { method: 'GET', path: '/me', headers: { authorization: `Bearer ${token.slice(0, -4)}AAAA` }, statuses: [401] },
    ],
  };
  const result = await runHttpWorkload(workload, peers, settings);
  const z = result.peers.zigmund;
  const f = result.peers.fastify;
  const versions = ['jose', 'fastify', '@fastify/jwt', 'fast-jwt'].map((name) => `${name} ${packageVersion(name)}`).join(', ');
  console.log(`\n${workload.title} — node ${process.version}, ${wrk ? `wrk ${wrk}` : 'autocannon'}, ${settings.rounds} rounds × ${settings.measureSeconds} s; ${versions}`);
  for (const [label, peer] of [['Zigmund JWTBearer', z], ['Fastify + @fastify/jwt', f]] as const) {
    console.log(`${label.padEnd(24)} ${peer.error ? `FAILED: ${peer.error}` : `${Math.round(peer.median ?? 0).toLocaleString('en-US').padStart(8)} req/s   samples ${peer.samples.map((s) => Math.round(s)).join(' ')}`}`);
  }
  if (z.median && f.median) console.log(`ratio Zigmund / Fastify: ${(z.median / f.median).toFixed(2)}×`);
}

if (runPinned(import.meta.url)) await main();
