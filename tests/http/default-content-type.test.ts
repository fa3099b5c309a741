import { test } from 'node:test';
import assert from 'node:assert/strict';
import 'reflect-metadata';
import { Controller, Get, Module, bootstrap, createApp } from 'zigmund';
import { TestClient } from 'zigmund/testing';

@Controller()
class PagesController {
  @Get('/page')
  page() {
    return '<p>page</p>';
  }

  @Get('/data')
  data() {
    return { a: 1 };
  }

  @Get('/csv', { contentType: 'text/csv' })
  csv() {
    return 'a,b';
  }
}

@Module({ controllers: [PagesController] })
class PagesModule {}

test('defaultContentType: strings are written with it, objects stay JSON, a route\'s own contentType wins', async () => {
  const app = await bootstrap(PagesModule, { defaultContentType: 'text/html; charset=utf-8' });
  const client = new TestClient(app);
  const page = await client.get('/page');
  assert.equal(page.text, '<p>page</p>');
  assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
  const data = await client.get('/data');
  assert.deepEqual(data.json(), { a: 1 });
  assert.match(String(data.headers['content-type']), /^application\/json/);
  const csv = await client.get('/csv');
  assert.equal(csv.headers['content-type'], 'text/csv');
  assert.deepEqual(app.openapi().paths['/csv']!.get!.responses['200']!.content, { 'text/csv': { schema: { type: 'string' } } });
  assert.equal((await client.get('/openapi.json')).status, 200);
  assert.equal((await client.get('/docs')).headers['content-type'], 'text/html; charset=utf-8');
});

test('defaultContentType: without it a returned string is JSON', async () => {
  const app = createApp();
  app.get('/s', () => 'Rick');
  const res = await new TestClient(app).get('/s');
  assert.equal(res.text, '"Rick"');
});
