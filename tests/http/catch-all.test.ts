import 'reflect-metadata';
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { BootstrapError, Controller, Get, Module, Param, Request, bootstrap, createApp } from 'zigmund';

@Controller('/files')
class FilesController {
  @Get('/*path')
  read(@Param('path') path: string) {
    return { path };
  }
}

@Controller('/fastapi')
class FastApiStyleController {
  @Get('/{owner}/{file_path:path}')
  read(@Param('owner') owner: string, @Param('file_path') filePath: string) {
    return { owner, filePath };
  }
}

@Module({ controllers: [FilesController, FastApiStyleController] })
class FilesModule {}

const app = await bootstrap(FilesModule, { logStartup: false, handleSignals: false });
app.get('/raw/*rest', (req: Request) => ({ params: req.params }));
const base = await app.serve({ port: 0 });
after(() => app.close());

const get = async (path: string) => {
  const res = await fetch(base + path);
  return { status: res.status, body: await res.json() };
};

test('a catch-all takes the rest of the path, slashes included', async () => {
  assert.deepEqual(await get('/files/a.txt'), { status: 200, body: { path: 'a.txt' } });
  assert.deepEqual(await get('/files/home/johndoe/myfile.txt'), { status: 200, body: { path: 'home/johndoe/myfile.txt' } });
});

test('a catch-all value is percent-decoded and keeps a query string out', async () => {
  assert.deepEqual((await get('/files/my%20docs/r%C3%A9sum%C3%A9.pdf?download=1')).body, { path: 'my docs/résumé.pdf' });
});

test("FastAPI's {name:path} is the same catch-all, after ordinary parameters", async () => {
  assert.deepEqual((await get('/fastapi/ann/deep/er/file.md')).body, { owner: 'ann', filePath: 'deep/er/file.md' });
});

test('a function route reads the catch-all through req.params under its router key', async () => {
  assert.deepEqual((await get('/raw/x/y')).body, { params: { '*': 'x/y' } });
});

test('the catch-all is one path parameter in OpenAPI', () => {
  const doc = app.openapi();
  assert.ok(doc.paths['/files/{path}']);
  assert.deepEqual(doc.paths['/files/{path}'].get!.parameters!.map((p) => [p.name, p.in, p.required]), [['path', 'path', true]]);
  assert.deepEqual(doc.paths['/fastapi/{owner}/{file_path}'].get!.parameters!.map((p) => p.name), ['owner', 'file_path']);
});

test('a catch-all anywhere but at the end, or a path syntax error, is a BootstrapError', () => {
  const local = createApp({ logStartup: false });
  assert.throws(() => local.get('/a/*rest/b', () => 1), (err: unknown) => err instanceof BootstrapError && /catch-all "\*rest" must end the path/.test(err.message));
  assert.throws(() => local.get('/a/{rest:path}/b', () => 1), /must end the path/);
  assert.throws(() => local.get('/a/{id:int}', () => 1), /convertor "int" is not supported/);
  assert.throws(() => local.get('/a/x*rest', () => 1), /must start a path segment/);
  assert.throws(() => local.get('/a/{open', () => 1), /never closed/);
  assert.throws(() => local.get('/a/*', () => 1), /must start a parameter name/);
});
