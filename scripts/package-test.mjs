// Installs Zigmund the way users do: `npm pack` (prepack builds src alone), then the tarball
// into a fresh project with its own class-validator, class-transformer, reflect-metadata and
// typescript, under --engine-strict. Compiles an app there with tsc — a hello world, a nested
// DTO, a WebSocket route and a TestClient check — runs it, and calls it over a socket.
// Slow (a build, an install, a compile), so .ci/run runs it after `npm test`: `npm run test:package`.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';

const APP_SOURCE = `import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsInt, IsString, Min, ValidateNested } from 'class-validator';
import { Body, Connection, ConnectionClosed, Controller, Get, Module, Post, WebSocket, bootstrap } from 'zigmund';
import { TestClient } from 'zigmund/testing';

class Line {
  @IsString()
  sku!: string;

  @IsInt()
  @Min(1)
  quantity!: number;
}

class Order {
  @IsString()
  customer!: string;

  @ValidateNested({ each: true })
  @Type(() => Line)
  lines!: Line[];
}

@Controller()
class ShopController {
  @Get('/hello')
  hello() {
    return { message: 'Hello World' };
  }

  @Post('/orders')
  create(@Body() order: Order) {
    return { customer: order.customer, items: order.lines[0].quantity, firstLine: order.lines[0].constructor.name };
  }

  @WebSocket('/ws')
  async echo(conn: Connection) {
    for (;;) {
      try {
        const msg = await conn.receive();
        await conn.sendText(\`echo: \${msg.text()}\`);
      } catch (err) {
        if (err instanceof ConnectionClosed) return;
        throw err;
      }
    }
  }
}

@Module({ controllers: [ShopController] })
class AppModule {}

const app = await bootstrap(AppModule, { title: 'Fresh', logStartup: false });
const res = await new TestClient(app).get('/hello');
const url = await app.serve({ port: 0 });
console.log(JSON.stringify({ url, testClient: { status: res.status, body: res.json() } }));
`;

const root = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'zigmund-package-'));
const npm = (args, cwd) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
let server;

function step(what) {
  console.log(`package-test: ${what}`);
}

try {
  step('npm pack');
  const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', work], root));
  const files = packed.files.map((file) => file.path);
  for (const needed of ['package.json', 'README.md', 'LICENSE', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/testing/index.js', 'dist/src/testing/index.d.ts', 'dist/src/cli/main.js']) {
    assert.ok(files.includes(needed), `the package holds ${needed}`);
  }
  const stray = files.filter((file) => !/^(package\.json|README\.md|LICENSE|dist\/src\/.+\.(js|d\.ts))$/.test(file));
  assert.deepEqual(stray, [], 'the package holds the built src only: no tests, benchmarks, samples or source maps');
  console.log(`  ${packed.filename}: ${files.length} files, ${(packed.size / 1024).toFixed(0)} KiB packed, ${(packed.unpackedSize / 1024).toFixed(0)} KiB unpacked`);

  const app = join(work, 'app');
  mkdirSync(join(app, 'src'), { recursive: true });
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'fresh-app', version: '1.0.0', private: true, type: 'module' }, null, 2));
  const dev = manifest.devDependencies;
  const users = ['class-validator', 'class-transformer', 'reflect-metadata', 'typescript', '@types/node'].map((name) => `${name}@${dev[name]}`);
  step(`npm install --engine-strict the tarball, ${users.join(', ')}`);
  npm(['install', '--engine-strict', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', join(work, packed.filename), ...users], app);

  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, outDir: 'dist', rootDir: 'src',
        experimentalDecorators: true, emitDecoratorMetadata: true, useDefineForClassFields: false, skipLibCheck: false,
      },
      include: ['src'],
    }, null, 2),
  );
  writeFileSync(join(app, 'src', 'main.ts'), APP_SOURCE);
  step('tsc');
  execFileSync(join(app, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], { cwd: app, stdio: 'inherit' });

  step('run the app and call it');
  server = spawn(process.execPath, ['dist/main.js'], { cwd: app, stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = await Promise.race([
    once(createInterface({ input: server.stdout }), 'line'),
    once(server, 'exit').then(([code]) => assert.fail(`the app exited with ${code} before serving`)),
  ]);
  const { url, testClient } = JSON.parse(line);
  assert.deepEqual(testClient, { status: 200, body: { message: 'Hello World' } }, 'zigmund/testing works from the package');

  const hello = await fetch(`${url}/hello`);
  assert.equal(hello.status, 200);
  assert.deepEqual(await hello.json(), { message: 'Hello World' });

  const post = (body) => fetch(`${url}/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const good = await post({ customer: 'ada', lines: [{ sku: 'a-1', quantity: 2 }] });
  assert.equal(good.status, 200);
  assert.deepEqual(await good.json(), { customer: 'ada', items: 2, firstLine: 'Line' });
  const bad = await post({ customer: 'ada', lines: [{ sku: 'a-1', quantity: 'two' }] });
  assert.equal(bad.status, 422);
  const { detail } = await bad.json();
  assert.deepEqual(detail.map((error) => error.loc), [['body', 'lines', 0, 'quantity']]);

  const ws = new WebSocket(`${url.replace('http', 'ws')}/ws`);
  await once(ws, 'open');
  ws.send('over the package');
  const [echo] = await once(ws, 'message');
  assert.equal(echo.toString(), 'echo: over the package');
  ws.close();
  await once(ws, 'close');

  const docs = await fetch(`${url}/docs`);
  assert.equal(docs.status, 200);
  const redoc = await fetch(`${url}/redoc`);
  assert.equal(redoc.status, 200, 'ReDoc is a dependency: /redoc is served from the installed package');
  assert.match(await redoc.text(), /redoc\.standalone\.js/);

  const modules = execFileSync('du', ['-sk', 'node_modules'], { cwd: app, encoding: 'utf8' });
  const runtime = JSON.parse(npm(['ls', '--all', '--omit=dev', '--json'], app));
  const names = new Set();
  const walk = (deps) => Object.entries(deps ?? {}).forEach(([name, dep]) => names.add(name) && walk(dep.dependencies));
  walk(runtime.dependencies);
  console.log(`  fresh project: node_modules ${(Number(modules.split('\t')[0]) / 1024).toFixed(0)} MiB, ${names.size} packages (typescript and @types/node included)`);
  step('ok');
} finally {
  server?.kill();
  rmSync(work, { recursive: true, force: true });
}
