import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Controller, Get, Header, Module, TestClient, bootstrap, createApp } from 'zigmund';

@Controller()
class TagsController {
  @Get('/tags')
  tags(@Header('x-tag', { type: [String], required: false }) tags?: string[]) {
    return { tags: tags ?? null };
  }
}

@Module({ controllers: [TagsController] })
class TagsModule {}

test('the TestClient sends a header list as repeated lines, read as a list by a list header parameter', async () => {
  const client = new TestClient(await bootstrap(TagsModule));
  assert.deepEqual((await client.get('/tags', { headers: { 'x-tag': ['one', 'two'] } })).json(), { tags: ['one', 'two'] });
  assert.deepEqual((await client.get('/tags', { headers: { 'x-tag': 'one' } })).json(), { tags: ['one'] });
  const absent = await client.get('/tags');
  assert.equal(absent.status, 200);
  assert.deepEqual(absent.json(), { tags: null });
});

test('requests made by the TestClient carry Node\'s headersDistinct', async () => {
  const app = createApp();
  app.get('/raw', (req) => req.raw.headersDistinct);
  const res = await new TestClient(app).get('/raw', { headers: { 'x-a': ['1', '2'], 'X-B': 'b' } });
  const distinct = res.json<Record<string, string[]>>();
  assert.deepEqual(distinct['x-a'], ['1', '2']);
  assert.deepEqual(distinct['x-b'], ['b']);
});

test('user-agent: undefined sends no User-Agent instead of the client\'s own', async () => {
  const app = createApp();
  app.get('/ua', (req) => ({ present: 'user-agent' in req.raw.headers, distinct: req.raw.headersDistinct['user-agent'] ?? null }));
  const client = new TestClient(app);
  assert.deepEqual((await client.get('/ua', { headers: { 'user-agent': undefined } })).json(), { present: false, distinct: null });
  assert.deepEqual((await client.get('/ua')).json(), { present: true, distinct: ['lightMyRequest'] });
});
