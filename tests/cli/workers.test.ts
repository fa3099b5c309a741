import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { bootstrap } from 'zigmund';
import { TestPeer } from '../websocket/support.js';
import { PidModule } from './fixtures/pid-app.js';
import { CliProcess, fixture, getFresh, poll } from './support.js';

const entry = fixture('pid-app.js');

/** Asks `url` on fresh connections until `count` different pids have answered. */
async function pids(url: string, count: number): Promise<Set<number>> {
  const seen = new Set<number>();
  await poll(async () => {
    const { status, body } = await getFresh(`${url}/pid`);
    assert.equal(status, 200);
    seen.add(body.pid);
    return seen.size >= count ? seen : undefined;
  }, `${count} workers answering`);
  return seen;
}

test('serve --workers 2 answers from two worker processes on one port, and prints one startup line', async () => {
  const server = new CliProcess(['serve', entry, '--port', '0', '--workers', '2']);
  const url = await server.url();
  const seen = await pids(url, 2);
  assert.equal(seen.size, 2);
  assert.ok(!seen.has(server.child.pid!), 'the primary does not serve');
  const startup = server.lines.filter((line) => line.startsWith('Zigmund serving'));
  assert.deepEqual(startup, [`Zigmund serving app on ${url} (2 workers, primary pid ${server.child.pid})`]);
  server.child.kill('SIGTERM');
  assert.deepEqual(await server.exited, { code: 0, signal: null });
});

test('a crashed worker is forked again and the pool keeps answering', async () => {
  const server = new CliProcess(['serve', entry, '--port', '0', '--workers', '2']);
  const url = await server.url();
  const before = await pids(url, 2);
  const [victim, survivor] = before;
  process.kill(victim, 'SIGKILL');
  await server.line(new RegExp(`worker \\d \\(pid ${victim}\\) was killed by SIGKILL; restarting it in 100 ms`));
  const now = await poll(async () => {
    const seen = await pids(url, 2);
    return seen.has(victim) ? undefined : seen;
  }, 'a new worker answering');
  assert.ok(now.has(survivor));
  assert.equal(now.size, 2);
  server.child.kill('SIGTERM');
  assert.deepEqual(await server.exited, { code: 0, signal: null });
});

test('SIGTERM to the primary drains every worker: in-flight request answered, WebSocket closed with 1001, hooks run, exit 0', async () => {
  const server = new CliProcess([], { script: fixture('serve-workers.js') });
  const url = await server.url();
  const workers = await pids(url, 2);
  const peer = await TestPeer.open(`${url.replace('http', 'ws')}/ws`);
  const wsWorker = Number(await peer.next());
  assert.ok(workers.has(wsWorker));

  const slow = getFresh(`${url}/slow`);
  const started = await server.line((line) => line.includes('"slow started"'));
  const slowWorker = JSON.parse(started).pid;
  server.child.kill('SIGTERM');

  assert.deepEqual(await slow, { status: 200, body: { done: true, pid: slowWorker, store: true } });
  assert.equal((await peer.closed).code, 1001);
  assert.deepEqual(await server.exited, { code: 0, signal: null });
  const events = server.events();
  const hooks = events.filter((e) => e.event === 'shutdown hook').map((e) => e.pid);
  assert.deepEqual(new Set(hooks), workers, 'each worker ran its shutdown hook once');
  assert.equal(hooks.length, 2);
  const order = events.map((e) => `${e.event}@${e.pid}`);
  assert.ok(order.indexOf(`slow done@${slowWorker}`) < order.indexOf(`shutdown hook@${slowWorker}`), order.join(', '));
  assert.deepEqual(events.find((e) => e.event === 'ws ended'), { event: 'ws ended', pid: wsWorker, code: 1001 });
});

test('when the workers fail at startup, serve --workers exits 1 saying which worker, after the worker printed its error', async () => {
  const server = new CliProcess(['serve', fixture('failing-startup.js'), '--port', '0', '--workers', '2']);
  assert.deepEqual(await server.exited, { code: 1, signal: null });
  assert.ok(server.lines.some((line) => line.includes('the database is unreachable')), server.lines.join('\n'));
  const reason = /^zigmund serve: worker [12] \(pid \d+\) exited with code 1 before listening; its output above says why$/;
  assert.ok(server.lines.some((line) => reason.test(line)), server.lines.join('\n'));
  assert.ok(!server.lines.some((line) => line.startsWith('Zigmund serving')));
});

test('serve({ workers }) refuses a count that is not a positive integer or auto; workers: 1 serves in this process', async () => {
  const app = await bootstrap(PidModule, { logStartup: false, handleSignals: false });
  after(() => app.close());
  for (const workers of [0, -1, 1.5, Number.NaN]) {
    await assert.rejects(app.serve({ port: 0, workers }), { name: 'TypeError', message: `workers must be a positive integer or 'auto', not ${workers}` });
  }
  const url = await app.serve({ port: 0, workers: 1 });
  assert.deepEqual(await getFresh(`${url}/pid`), { status: 200, body: { pid: process.pid } });
});
