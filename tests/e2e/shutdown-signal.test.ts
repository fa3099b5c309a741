import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { WebSocket } from 'ws';

const script = fileURLToPath(new URL('./shutdown-server.js', import.meta.url));

test('SIGTERM lets the in-flight request finish, closes the WebSocket with 1001, runs shutdown hooks and exits 0', async () => {
  const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
  after(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const events: { event: string; url?: string; code?: number }[] = [];
  const waiters: { event: string; resolve: (e: (typeof events)[number]) => void }[] = [];
  const logs: string[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    if (!line.startsWith('{')) return void logs.push(line);
    const entry = JSON.parse(line);
    events.push(entry);
    for (const w of waiters.filter((w) => w.event === entry.event)) w.resolve(entry);
  });
  const next = (event: string) =>
    new Promise<(typeof events)[number]>((resolve) => {
      const seen = events.find((e) => e.event === event);
      if (seen) resolve(seen);
      else waiters.push({ event, resolve });
    });
  const exited = once(child, 'exit');

  const { url } = await next('listening');
  const ws = new WebSocket(`${url!.replace('http', 'ws')}/ws`);
  const closed = once(ws, 'close');
  const [greeting] = await once(ws, 'message');
  assert.equal(String(greeting), 'open');

  const slow = fetch(`${url}/slow`).then(async (res) => ({ status: res.status, body: await res.json() }));
  await next('slow started');
  child.kill('SIGTERM');

  assert.deepEqual(await slow, { status: 200, body: { done: true, store: true } });
  const [closeCode] = await closed;
  assert.equal(closeCode, 1001);
  const [exitCode, signal] = await exited;
  assert.equal(signal, null);
  assert.equal(exitCode, 0);
  const order = events.map((e) => e.event);
  assert.ok(order.indexOf('slow done') < order.indexOf('shutdown hook'), `hooks after in-flight work: ${order.join(', ')}`);
  assert.ok(order.includes('ws ended'));
  assert.equal(events.find((e) => e.event === 'ws ended')?.code, 1001);
  assert.deepEqual(logs, ['zigmund: SIGTERM received, shutting down gracefully']);
});
