import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture, runCli, sample } from './support.js';

const hello = sample('hello/app.js');
const websockets = sample('websockets/app.js');

test('routes prints a table of method, path, Class.method handler, kind and tags, docs routes left out', async () => {
  const { code, stdout, stderr } = await runCli(['routes', websockets]);
  assert.equal(code, 0, stderr);
  const lines = stdout.trimEnd().split('\n').map((line) => line.split(/\s{2,}/));
  assert.deepEqual(lines, [
    ['METHOD', 'PATH', 'HANDLER', 'KIND', 'TAGS'],
    ['GET', '/info', 'ChatController.info', 'http'],
    ['GET', '/ws', 'ChatController.chat', 'websocket'],
    ['GET', '/', 'PageController.page', 'http'],
  ]);
});

test('routes --all adds the documentation routes; --json gives the rows with their tags', async () => {
  const all = await runCli(['routes', hello, '--all']);
  assert.equal(all.code, 0, all.stderr);
  assert.match(all.stdout, /^GET\s+\/openapi\.json\s+\(anonymous\)\s+http$/m);
  assert.match(all.stdout, /^GET\s+\/docs\s/m);
  assert.match(all.stdout, /^GET\s+\/greet\s+HelloController\.greet\s+http$/m);

  const json = await runCli(['routes', fixture('named-app.js'), '--json']);
  assert.equal(json.code, 0, json.stderr);
  assert.deepEqual(JSON.parse(json.stdout), [{ method: 'GET', path: '/named', handler: 'NamedController.list', kind: 'http', tags: ['named', 'extra'] }]);
});

test('an entry may export default an app; function routes show the function name', async () => {
  const { code, stdout, stderr } = await runCli(['routes', fixture('default-app.js'), '--json']);
  assert.equal(code, 0, stderr);
  assert.deepEqual(
    JSON.parse(stdout).map((row: { path: string; handler: string; kind: string }) => [row.path, row.handler, row.kind]),
    [
      ['/ping', 'ping', 'http'],
      ['/feed', '(anonymous)', 'websocket'],
    ],
  );
});

test('openapi prints the document alone on stdout, with the options of an exported app', async () => {
  const moduleEntry = await runCli(['openapi', hello]);
  assert.equal(moduleEntry.code, 0, moduleEntry.stderr);
  const document = JSON.parse(moduleEntry.stdout);
  assert.equal(document.openapi, '3.1.0');
  assert.deepEqual(Object.keys(document.paths), ['/', '/greet']);
  assert.equal(document.paths['/greet'].get.parameters[0].name, 'name');

  const appEntry = await runCli(['openapi', fixture('named-app.js'), '--indent', '0']);
  assert.equal(appEntry.code, 0, appEntry.stderr);
  assert.equal(appEntry.stdout.split('\n').length, 2, 'one line and the final newline');
  assert.deepEqual(JSON.parse(appEntry.stdout).info, { title: 'Named export', version: '1.0' });
});

test('asyncapi --out writes the document of the WebSocket routes to a file and nothing to stdout', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zigmund-cli-'));
  try {
    const out = join(dir, 'asyncapi.json');
    const { code, stdout, stderr } = await runCli(['asyncapi', websockets, '--out', out]);
    assert.equal(code, 0, stderr);
    assert.equal(stdout, '');
    const document = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(document.asyncapi, '3.0.0');
    assert.equal(document.channels.ChatController_chat.address, '/ws');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a missing entry, an entry without an app, or several root modules fail with exit code 1 and say why', async () => {
  const missing = await runCli(['routes', 'no/such/entry.js']);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /^zigmund routes: entry no\/such\/entry\.js not found/);
  assert.equal(missing.stdout, '');

  const none = await runCli(['openapi', fixture('no-export.js')]);
  assert.equal(none.code, 1);
  assert.match(none.stderr, /exports no app: write `export default app`, `export const app` or export the root @Module class \(its exports: answer\)/);

  const two = await runCli(['serve', fixture('two-roots.js'), '--port', '0']);
  assert.equal(two.code, 1);
  assert.match(two.stderr, /several root @Module classes \(FirstModule, SecondModule\); export default the one to serve/);
});

test('bad arguments exit with code 2, the reason and a pointer to --help', async () => {
  const cases: [string[], RegExp][] = [
    [[], /^Usage: zigmund <command>/],
    [['launch', hello], /unknown command "launch"; the commands are serve, dev, routes, openapi, asyncapi/],
    [['routes'], /zigmund routes: missing <entry>/],
    [['routes', hello, hello], /one <entry> expected, got 2/],
    [['serve', hello, '--port', '80a'], /--port must be an integer from 0 to 65535, not 80a/],
    [['serve', hello, '--port', '70000'], /--port must be an integer from 0 to 65535/],
    [['serve', hello, '--workers', '0'], /--workers must be a positive integer or auto, not 0/],
    [['serve', hello, '--workers'], /--workers/],
    [['openapi', hello, '--indent', 'x'], /--indent must be an integer from 0 to 10/],
    [['routes', hello, '--verbose'], /Unknown option '--verbose'/],
  ];
  for (const [args, message] of cases) {
    const { code, stdout, stderr } = await runCli(args);
    assert.equal(code, 2, `zigmund ${args.join(' ')}: ${stderr}`);
    assert.match(stderr, message, `zigmund ${args.join(' ')}`);
    assert.equal(stdout, '', `zigmund ${args.join(' ')} prints nothing on stdout`);
  }
});

test('--help describes each command and exits 0', async () => {
  const top = await runCli(['--help']);
  assert.equal(top.code, 0);
  for (const name of ['serve', 'dev', 'routes', 'openapi', 'asyncapi']) assert.match(top.stdout, new RegExp(`^  ${name} `, 'm'));
  for (const [name, option] of [['serve', '--workers'], ['dev', '--project'], ['routes', '--all'], ['openapi', '--out'], ['asyncapi', '--out']]) {
    const { code, stdout } = await runCli([name, '--help']);
    assert.equal(code, 0);
    assert.match(stdout, new RegExp(`^Usage: zigmund ${name} <entry>`));
    assert.ok(stdout.includes(option), `${name} --help mentions ${option}`);
  }
});

test('package.json names the CLI as the bin zigmund, a script with a node shebang', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
  assert.equal(pkg.bin.zigmund, 'dist/src/cli/main.js');
  const script = readFileSync(new URL('../../../dist/src/cli/main.js', import.meta.url), 'utf8');
  assert.ok(script.startsWith('#!/usr/bin/env node\n'));
});
