import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app, bodyEchoApp, errorLog, loggingApp, plainTextApp } from '../../../samples/parity/tutorial/handling-errors.js';

const client = new TestClient(app);

test('tutorial/handling-errors: HttpException answers its status and {"detail": …}', async () => {
  const found = await client.get('/items/foo');
  assert.equal(found.status, 200);
  assert.deepEqual(found.json(), { item: 'The Foo Wrestlers' });
  const missing = await client.get('/items/bar');
  assert.equal(missing.status, 404);
  assert.deepEqual(missing.json(), { detail: 'Item not found' });
});

test('tutorial/handling-errors: HttpException headers go into the answer', async () => {
  assert.deepEqual((await client.get('/items-header/foo')).json(), { item: 'The Foo Wrestlers' });
  const res = await client.get('/items-header/bar');
  assert.equal(res.status, 404);
  assert.equal(res.headers['x-error'], 'There goes my error');
  assert.deepEqual(res.json(), { detail: 'Item not found' });
});

test('tutorial/handling-errors: a handler for an exception class of your own', async () => {
  assert.deepEqual((await client.get('/unicorns/shinny')).json(), { unicorn_name: 'shinny' });
  const res = await client.get('/unicorns/yolo');
  assert.equal(res.status, 418);
  assert.deepEqual(res.json(), { message: 'Oops! yolo did something. There goes a rainbow...' });
});

test('tutorial/handling-errors: HttpException and validation answers replaced by plain text', async () => {
  const plain = new TestClient(plainTextApp);
  const invalid = await plain.get('/items/foo');
  assert.equal(invalid.status, 400);
  assert.match(invalid.text, /^Validation errors:/);
  assert.match(invalid.text, /Field: \["path","item_id"\], Error: Input should be a valid integer/);
  const teapot = await plain.get('/items/3');
  assert.equal(teapot.status, 418);
  assert.match(String(teapot.headers['content-type']), /^text\/plain/);
  assert.equal(teapot.text, "Nope! I don't like 3.");
  assert.deepEqual((await plain.get('/items/2')).json(), { item_id: 2 });
});

test('tutorial/handling-errors: a 422 that echoes the received body', async () => {
  const echo = new TestClient(bodyEchoApp);
  const res = await echo.post('/items/', { json: { title: 'towel', size: 'XL' } });
  assert.equal(res.status, 422);
  const body = res.json<{ detail: { loc: unknown[]; input: unknown }[]; body: unknown }>();
  assert.deepEqual(body.body, { title: 'towel', size: 'XL' });
  assert.deepEqual(body.detail.map((d) => [d.loc, d.input]), [[['body', 'size'], 'XL']]);
  const ok = await echo.post('/items/', { json: { title: 'towel', size: 5 } });
  assert.equal(ok.status, 200);
  assert.deepEqual(ok.json(), { title: 'towel', size: 5 });
});

test('tutorial/handling-errors: handlers that log, then answer as the framework does', async (t) => {
  const lines: string[] = [];
  const write = errorLog.write;
  errorLog.write = (line) => lines.push(line);
  t.after(() => {
    errorLog.write = write;
  });
  const logging = new TestClient(loggingApp);
  const invalid = await logging.get('/items/foo');
  assert.equal(invalid.status, 422);
  assert.deepEqual(invalid.json(), {
    detail: [{ type: 'int_parsing', loc: ['path', 'item_id'], msg: 'Input should be a valid integer, unable to parse string as an integer', input: 'foo' }],
  });
  const teapot = await logging.get('/items/3');
  assert.equal(teapot.status, 418);
  assert.deepEqual(teapot.json(), { detail: "Nope! I don't like 3." });
  assert.deepEqual((await logging.get('/items/2')).json(), { item_id: 2 });
  assert.equal(lines.length, 2);
  assert.match(lines[0]!, /^OMG! The client sent invalid data!/);
  assert.equal(lines[1], "OMG! An HTTP error!: 418 Nope! I don't like 3.");
});
