import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';

const script = fileURLToPath(new URL('./unawaited-sends-server.js', import.meta.url));
const MIB = 1024 * 1024;

interface Stats {
  rss: number;
  held: number;
  handlers: { code: number | undefined; after: string; sendsAttempted: number }[];
}

async function startServer(): Promise<{ url: string; stats: () => Promise<Stats> }> {
  const child = spawn(process.execPath, ['--expose-gc', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  after(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  const { url } = JSON.parse(line) as { url: string };
  return { url, stats: async () => (await (await fetch(`${url}/stats`)).json()) as Stats };
}

test('a handler that never awaits its sends to clients that never read: each is closed with 1013, later sends reject, memory stays bounded', async () => {
  const server = await startServer();
  const before = await server.stats();
  const clients = await Promise.all(
    [1, 2, 3].map(async () => {
      const ws = new WebSocket(`${server.url.replace('http', 'ws')}/flood`);
      ws.on('error', () => undefined);
      const closed = once(ws, 'close') as Promise<[number, Buffer]>;
      await once(ws, 'upgrade');
      // The client stops reading at the TCP level: nothing the server sends is taken.
      (ws as unknown as { _socket: { pause(): void } })._socket.pause();
      return { ws, closed };
    }),
  );

  let stats = await server.stats();
  for (const deadline = Date.now() + 20_000; stats.handlers.length < 3 && Date.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    stats = await server.stats();
  }
  assert.equal(stats.handlers.length, 3, 'every handler finished within 20 s');
  for (const handler of stats.handlers) {
    assert.deepEqual(handler, { code: 1013, after: 'ConnectionClosed 1013', sendsAttempted: 2_000 });
  }
  // Without the cap the queues held 3 × 2,000 × 64 KiB = 375 MiB; with it each holds about maxBufferedBytes (4 MiB).
  const grownHeld = (stats.held - before.held) / MIB;
  const grownRss = (stats.rss - before.rss) / MIB;
  assert.ok(grownHeld < 32, `JS heap + buffers grew by ${grownHeld.toFixed(1)} MiB`);
  assert.ok(grownRss < 160, `RSS grew by ${grownRss.toFixed(1)} MiB`);

  // A client that reads again gets what was handed to its socket, then the close frame.
  for (const { ws } of clients) (ws as unknown as { _socket: { resume(): void } })._socket.resume();
  const codes = await Promise.all(clients.map(({ closed }) => closed.then(([code]) => code)));
  assert.deepEqual(codes, [1013, 1013, 1013]);
});
