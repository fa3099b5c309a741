import 'reflect-metadata';
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, Response } from 'zigmund';

const dir = mkdtempSync(join(tmpdir(), 'zigmund-files-'));
const CONTENT = 'The quick brown fox jumps over the lazy dog.\n';
writeFileSync(join(dir, 'fox.txt'), CONTENT);
writeFileSync(join(dir, '.hidden'), 'dot file');
writeFileSync(join(dir, 'naïve report.csv'), 'a,b\n');

const app = createApp({ logStartup: false, handleSignals: false });
app.get('/fox', () => Response.file(join(dir, 'fox.txt')));
app.get('/fox/download', () => Response.file(join(dir, 'fox.txt'), { filename: 'renard été.txt', contentType: 'text/x-fox' }));
app.get('/hidden', () => Response.file(join(dir, '.hidden')));
app.get('/spaced', () => Response.file(join(dir, 'naïve report.csv')));
app.get('/missing', () => Response.file(join(dir, 'nope.txt')));
app.get('/dir', () => Response.file(dir));
app.get('/with-header', (_req, res) => {
  res.setHeader('cache-control', 'private, max-age=60');
  return Response.file(join(dir, 'fox.txt'));
});

const url = await app.serve({ port: 0 });
after(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a file answers 200 with its length, type, ETag, Last-Modified and Accept-Ranges', async () => {
  const res = await fetch(`${url}/fox`);
  assert.equal(res.status, 200);
  assert.equal(await res.text(), CONTENT);
  assert.equal(res.headers.get('content-type'), 'text/plain; charset=utf-8');
  assert.equal(res.headers.get('content-length'), String(CONTENT.length));
  assert.equal(res.headers.get('accept-ranges'), 'bytes');
  assert.match(res.headers.get('etag') ?? '', /^W\/"[0-9a-f]+-[0-9a-f]+"$/);
  assert.ok(Date.parse(res.headers.get('last-modified') ?? '') > 0);
});

test('a Range answers 206 with that slice and its Content-Range', async () => {
  const res = await fetch(`${url}/fox`, { headers: { range: 'bytes=4-8' } });
  assert.equal(res.status, 206);
  assert.equal(await res.text(), 'quick');
  assert.equal(res.headers.get('content-range'), `bytes 4-8/${CONTENT.length}`);
  assert.equal(res.headers.get('content-length'), '5');
  const suffix = await fetch(`${url}/fox`, { headers: { range: 'bytes=-5' } });
  assert.equal(suffix.status, 206);
  assert.equal(await suffix.text(), 'dog.\n');
});

test('an unsatisfiable Range answers 416 with the size', async () => {
  const res = await fetch(`${url}/fox`, { headers: { range: 'bytes=1000-2000' } });
  assert.equal(res.status, 416);
  assert.equal(res.headers.get('content-range'), `bytes */${CONTENT.length}`);
  assert.deepEqual(await res.json(), { detail: 'Range Not Satisfiable' });
});

// fetch() marks a request with its own validators `Cache-Control: no-cache` (a reload, which
// must not be answered 304) unless the request names a Cache-Control itself.
const REVALIDATE = { 'cache-control': 'max-age=0' };

test('If-None-Match with the ETag, or If-Modified-Since, answers 304 without a body', async () => {
  const first = await fetch(`${url}/fox`);
  await first.arrayBuffer();
  const etag = first.headers.get('etag')!;
  const byTag = await fetch(`${url}/fox`, { headers: { ...REVALIDATE, 'if-none-match': etag } });
  assert.equal(byTag.status, 304);
  assert.equal(await byTag.text(), '');
  assert.equal(byTag.headers.get('etag'), etag);
  const byDate = await fetch(`${url}/fox`, { headers: { ...REVALIDATE, 'if-modified-since': first.headers.get('last-modified')! } });
  assert.equal(byDate.status, 304);
  const stale = await fetch(`${url}/fox`, { headers: { ...REVALIDATE, 'if-none-match': 'W/"other"' } });
  assert.equal(stale.status, 200);
  await stale.arrayBuffer();
  const reload = await fetch(`${url}/fox`, { headers: { 'if-none-match': etag } });
  assert.equal(reload.status, 200, 'Cache-Control: no-cache asks for the file itself');
  await reload.arrayBuffer();
});

test('If-Range with a stale ETag sends the whole file', async () => {
  const res = await fetch(`${url}/fox`, { headers: { range: 'bytes=0-2', 'if-range': '"stale"' } });
  assert.equal(res.status, 200);
  assert.equal(await res.text(), CONTENT);
});

test('If-Match that fails answers 412', async () => {
  const res = await fetch(`${url}/fox`, { headers: { 'if-match': '"other"' } });
  assert.equal(res.status, 412);
  await res.arrayBuffer();
});

test('filename makes an attachment (UTF-8 names encoded) and contentType overrides the guess', async () => {
  const res = await fetch(`${url}/fox/download`);
  assert.equal(res.headers.get('content-type'), 'text/x-fox');
  assert.equal(res.headers.get('content-disposition'), `attachment; filename="renard ete.txt"; filename*=UTF-8''renard%20%C3%A9t%C3%A9.txt`);
  assert.equal(await res.text(), CONTENT);
});

test('a file named by the handler is served even with a dot or spaces in its name', async () => {
  assert.equal(await (await fetch(`${url}/hidden`)).text(), 'dot file');
  assert.equal(await (await fetch(`${url}/spaced`)).text(), 'a,b\n');
});

test('a missing file is a 404; a directory is a 500', async () => {
  const missing = await fetch(`${url}/missing`);
  assert.equal(missing.status, 404);
  assert.deepEqual(await missing.json(), { detail: 'Not Found' });
  const directory = await fetch(`${url}/dir`);
  assert.equal(directory.status, 500);
  await directory.arrayBuffer();
});

test('HEAD sends the headers of the file and no body', async () => {
  const res = await fetch(`${url}/fox`, { method: 'HEAD' });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-length'), String(CONTENT.length));
  assert.equal(await res.text(), '');
});

test("the injected Response's headers go on top of the file's", async () => {
  const res = await fetch(`${url}/with-header`);
  assert.equal(res.headers.get('cache-control'), 'private, max-age=60');
  await res.arrayBuffer();
});
