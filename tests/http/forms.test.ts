import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Controller, File, Form, Module, Post, TestClient, bootstrap, type UploadedFile } from 'zigmund';

@Controller('/forms')
class FormsController {
  @Post('/login')
  login(@Form('username') username: string, @Form('remember', { default: false }) remember: boolean, @Form('roles', { type: [String], required: false }) roles?: string[]) {
    return { username, remember, roles: roles ?? [] };
  }

  @Post('/upload')
  upload(@Form('title') title: string, @File('file') file: UploadedFile) {
    return { title, name: file.filename, type: file.mimeType, size: file.size, text: file.text() };
  }

  @Post('/many')
  many(@File('docs', { multiple: true }) docs: UploadedFile[]) {
    return docs.map((d) => d.filename);
  }
}

@Module({ controllers: [FormsController] })
class FormsModule {}

const client = async () => new TestClient(await bootstrap(FormsModule));

test('urlencoded fields are coerced like query values, repeated keys as lists', async () => {
  const res = await (await client()).post('/forms/login', { form: { username: 'ann', remember: 'true', roles: ['a', 'b'] } });
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { username: 'ann', remember: true, roles: ['a', 'b'] });
});

test('a missing form field is a 422 at ["body", name]', async () => {
  const res = await (await client()).post('/forms/login', { form: { remember: 'nope' } });
  assert.equal(res.status, 422);
  assert.deepEqual(res.json<{ detail: { type: string; loc: string[] }[] }>().detail.map((d) => [d.type, d.loc]), [
    ['missing', ['body', 'username']],
    ['bool_parsing', ['body', 'remember']],
  ]);
});

test('multipart uploads expose name, type, size and bytes', async () => {
  const res = await (await client()).post('/forms/upload', {
    form: { title: 'report' },
    files: { file: { filename: 'a.txt', content: 'hello file', contentType: 'text/plain' } },
  });
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { title: 'report', name: 'a.txt', type: 'text/plain', size: 10, text: 'hello file' });
});

test('several files under one field, and a missing file is a 422', async () => {
  const c = await client();
  const many = await c.post('/forms/many', { files: { docs: [{ filename: 'a.pdf', content: 'A' }, { filename: 'b.pdf', content: 'B' }] } });
  assert.deepEqual(many.json(), ['a.pdf', 'b.pdf']);
  const missing = await c.post('/forms/upload', { form: { title: 't' }, files: {} });
  assert.equal(missing.status, 422);
  assert.deepEqual(missing.json<{ detail: { loc: string[] }[] }>().detail[0].loc, ['body', 'file']);
});

test('a JSON body to a form route reads as an empty form: every field is missing', async () => {
  const res = await (await client()).post('/forms/login', { json: { username: 'x' } });
  assert.equal(res.status, 422);
  assert.deepEqual(res.json(), { detail: [{ type: 'missing', loc: ['body', 'username'], msg: 'Field required', input: null }] });
});
