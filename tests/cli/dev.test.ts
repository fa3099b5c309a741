import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliProcess, ROOT, getFresh, poll } from './support.js';

/**
 * A project that installed zigmund, as `npm install zigmund typescript` leaves it (the
 * packages linked from this repository): a tsconfig, src/app.ts from the hello sample.
 */
function helloProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zigmund-dev-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'src'));
  mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(ROOT, join(dir, 'node_modules', 'zigmund'), 'dir');
  for (const name of ['reflect-metadata', 'typescript']) symlinkSync(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name), 'dir');
  symlinkSync('../zigmund/dist/src/cli/main.js', join(dir, 'node_modules', '.bin', 'zigmund'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'hello-project', private: true, type: 'module' }));
  const compilerOptions = {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    rootDir: 'src',
    outDir: 'dist',
    strict: true,
    experimentalDecorators: true,
    emitDecoratorMetadata: true,
    useDefineForClassFields: false,
    skipLibCheck: true,
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['src'] }));
  cpSync(join(ROOT, 'samples', 'hello', 'app.ts'), join(dir, 'src', 'app.ts'));
  return dir;
}

test('dev compiles with the project tsc, serves, and restarts on the same port after a change; a type error keeps the last build', async () => {
  const dir = helloProject();
  const source = join(dir, 'src', 'app.ts');
  const dev = new CliProcess(['dev', 'src/app.ts', '--port', '0'], { cwd: dir, script: join(dir, 'node_modules', '.bin', 'zigmund') });
  const first = await dev.line(/^zigmund dev: serving on http:\/\/127\.0\.0\.1:\d+$/, 120_000);
  const url = first.slice('zigmund dev: serving on '.length);
  assert.deepEqual(await getFresh(`${url}/`), { status: 200, body: { message: 'Hello World' } });

  const serving = dev.lines.length;
  writeFileSync(source, readFileSync(source, 'utf8').replace("'Hello World'", "'Hello again'"));
  await dev.line(/^zigmund dev: recompiled, restarting$/, 60_000, serving);
  assert.equal(await dev.line(/^zigmund dev: serving on /, 60_000, serving), `zigmund dev: serving on ${url}`);
  assert.deepEqual(await getFresh(`${url}/`), { status: 200, body: { message: 'Hello again' } });

  const broken = dev.lines.length;
  writeFileSync(source, readFileSync(source, 'utf8').replace("return { message: 'Hello again' };", 'return { message: 42 * "x" };'));
  await dev.line(/^zigmund dev: 1 compile error; the server keeps running the last good build$/, 60_000, broken);
  assert.ok(dev.lines.slice(broken).some((line) => line.startsWith('src/app.ts(') && line.includes('error TS')), 'the compiler error is shown');
  assert.deepEqual(await getFresh(`${url}/`), { status: 200, body: { message: 'Hello again' } });

  dev.child.kill('SIGTERM');
  assert.deepEqual(await dev.exited, { code: 0, signal: null });
  await poll(async () => (await getFresh(`${url}/`).then(() => undefined, () => true)), 'the server stopped with dev');
});

test('dev without a tsconfig serves a JavaScript entry and restarts when a file in its folder changes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zigmund-dev-js-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(ROOT, join(dir, 'node_modules', 'zigmund'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  writeFileSync(join(dir, 'message.json'), JSON.stringify({ message: 'one' }));
  const app = (file: string) => `import { createApp } from 'zigmund';
import { readFileSync } from 'node:fs';
// Read once at import: only a restart shows a new message.
const body = JSON.parse(readFileSync(new URL('./${file}', import.meta.url), 'utf8'));
const app = createApp();
app.get('/', () => body);
export default app;
`;
  writeFileSync(join(dir, 'app.js'), app('message.json'));
  const dev = new CliProcess(['dev', 'app.js', '--port', '0'], { cwd: dir });
  const url = (await dev.line(/^zigmund dev: serving on /)).slice('zigmund dev: serving on '.length);
  assert.deepEqual(await getFresh(`${url}/`), { status: 200, body: { message: 'one' } });
  const serving = dev.lines.length;
  writeFileSync(join(dir, 'message.json'), JSON.stringify({ message: 'two' }));
  await dev.line(/^zigmund dev: message\.json changed, restarting$/, 30_000, serving);
  assert.equal(await dev.line(/^zigmund dev: serving on /, 30_000, serving), `zigmund dev: serving on ${url}`);
  assert.deepEqual(await getFresh(`${url}/`), { status: 200, body: { message: 'two' } });
  dev.child.kill('SIGTERM');
  assert.deepEqual(await dev.exited, { code: 0, signal: null });
});

test('dev runs the app with ZIGMUND_ENV=development, so a frontend not built yet only warns', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zigmund-dev-env-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(ROOT, join(dir, 'node_modules', 'zigmund'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  writeFileSync(
    join(dir, 'app.js'),
    `import { fileURLToPath } from 'node:url';
import { createApp } from 'zigmund';
const app = createApp();
app.get('/env', () => ({ env: process.env.ZIGMUND_ENV }));
app.frontend('/', { directory: fileURLToPath(new URL('./dist', import.meta.url)) });
export default app;
`,
  );
  const env = { ...process.env };
  delete env.ZIGMUND_ENV;
  const dev = new CliProcess(['dev', 'app.js', '--port', '0'], { cwd: dir, env });
  const url = (await dev.line(/^zigmund dev: serving on /)).slice('zigmund dev: serving on '.length);
  assert.deepEqual(await getFresh(`${url}/env`), { status: 200, body: { env: 'development' } });
  assert.ok(dev.lines.some((line) => /frontend\(\): the directory .*dist.* does not exist/.test(line)), 'the missing frontend folder is a warning');
  dev.child.kill('SIGTERM');
  assert.deepEqual(await dev.exited, { code: 0, signal: null });
});
