import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, spawnNode, waitForServer } from '../process.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CLI = fileURLToPath(new URL('../../../src/cli/main.js', import.meta.url));
const ENTRY = fileURLToPath(new URL('../../../samples/parity/tutorial/index.js', import.meta.url));

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: ROOT, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

test('tutorial/index: `zigmund dev main.js` serves the copied example, with its docs at /docs', async () => {
  // A project that installed zigmund, with the example copied to main.js (no tsconfig: served as it is).
  const dir = mkdtempSync(join(tmpdir(), 'zigmund-tutorial-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(ROOT, join(dir, 'node_modules', 'zigmund'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'awesome-project', private: true, type: 'module' }));
  copyFileSync(ENTRY, join(dir, 'main.js'));

  const port = await freePort();
  const dev = spawnNode([CLI, 'dev', join(dir, 'main.js'), '--port', String(port)]);
  const url = `http://127.0.0.1:${port}`;
  await waitForServer(`${url}/openapi.json`, dev);
  const root = await fetch(`${url}/`);
  assert.equal(root.status, 200);
  assert.deepEqual(await root.json(), { message: 'Hello World' });
  const docs = await fetch(`${url}/docs`);
  assert.equal(docs.status, 200);
  assert.match(docs.headers.get('content-type') ?? '', /^text\/html/);
  assert.match(await docs.text(), /swagger-ui/i);
  dev.process.kill('SIGTERM');
  assert.deepEqual(await dev.exited, { code: 0, signal: null });
});

test('tutorial/index: `zigmund routes` and `zigmund openapi` read the same entry', async () => {
  const routes = await cli(['routes', ENTRY, '--json']);
  assert.equal(routes.code, 0, routes.stderr);
  assert.deepEqual(JSON.parse(routes.stdout), [{ method: 'GET', path: '/', handler: 'root', kind: 'http', tags: [] }]);
  const openapi = await cli(['openapi', ENTRY]);
  assert.equal(openapi.code, 0, openapi.stderr);
  const doc = JSON.parse(openapi.stdout) as { openapi: string; paths: Record<string, { get: { summary: string } }> };
  assert.equal(doc.openapi, '3.1.0');
  assert.deepEqual(Object.keys(doc.paths), ['/']);
  assert.equal(doc.paths['/']!.get.summary, 'Root');
});
