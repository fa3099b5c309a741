// `node dist/bench/jwt.js [--quick] [--load wrk|autocannon]`: GET /me behind an HS256 JWT, Zigmund's
// JWTBearer (jose) beside Fastify + @fastify/jwt (fast-jwt), in the same run and the same way as
// `npm run bench`: fresh servers pinned to the server core, answers and refusals checked first,
// interleaved rounds. Each is run as configured by default (JWTBearer remembers verified tokens,
// fast-jwt does not) and with the verified-token cache on and off for both, since the load sends
// one token over and over. Prints the medians and the ratios. About 2 minutes (30 s with --quick).
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
    { id: 'zigmund', label: 'Zigmund JWTBearer (cache, default)', script: 'jwt-zigmund', packages: ['zigmund', 'jose'], env },
    { id: 'zigmund-nocache', label: 'Zigmund JWTBearer, cacheSize 0', script: 'jwt-zigmund', packages: ['zigmund', 'jose'], env: { ...env, JWT_CACHE: '0' } },
    { id: 'fastify', label: 'Fastify + @fastify/jwt (default)', script: 'jwt-fastify', packages: ['fastify', '@fastify/jwt'], env },
    { id: 'fastify-cache', label: 'Fastify + @fastify/jwt, cache', script: 'jwt-fastify', packages: ['fastify', '@fastify/jwt'], env: { ...env, JWT_CACHE: '1' } },
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
  const versions = ['jose', 'fastify', '@fastify/jwt', 'fast-jwt'].map((name) => `${name} ${packageVersion(name)}`).join(', ');
  console.log(`\n${workload.title} — node ${process.version}, ${wrk ? `wrk ${wrk}` : 'autocannon'}, ${settings.rounds} rounds × ${settings.measureSeconds} s; ${versions}`);
  for (const peer of peers) {
    const r = result.peers[peer.id];
    console.log(`${peer.label.padEnd(36)} ${r.error ? `FAILED: ${r.error}` : `${Math.round(r.median ?? 0).toLocaleString('en-US').padStart(8)} req/s   samples ${r.samples.map((s) => Math.round(s)).join(' ')}`}`);
  }
  const ratio = (a: string, b: string, what: string) => {
    const [x, y] = [result.peers[a].median, result.peers[b].median];
    if (x && y) console.log(`ratio Zigmund / Fastify, ${what}: ${(x / y).toFixed(2)}×`);
  };
  ratio('zigmund', 'fastify', 'each as configured by default');
  ratio('zigmund', 'fastify-cache', 'both caching verified tokens');
  ratio('zigmund-nocache', 'fastify', 'neither caching');
}

if (runPinned(import.meta.url)) await main();
