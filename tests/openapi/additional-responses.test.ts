import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Controller, Get, Module, Put, WebSocket, bootstrap, createApp } from 'zigmund';

test('responses: a new code without a description gets its reason phrase, or "Additional Response"', () => {
  const app = createApp();
  app.get('/x', () => ({}), { responses: { 409: {}, 599: {}, 204: { description: 'Nothing' } } });
  const responses = app.openapi().paths['/x']!.get!.responses;
  assert.deepEqual(responses['409'], { description: 'Conflict' });
  assert.deepEqual(responses['599'], { description: 'Additional Response' });
  assert.deepEqual(responses['204'], { description: 'Nothing' });
});

test('responses: an entry for the success code is merged into it, content key by key', () => {
  const app = createApp();
  app.get('/x', () => ({}), {
    contentType: 'text/csv',
    responses: { 200: { content: { 'text/csv': { example: 'a,b' }, 'application/pdf': {} } } },
  });
  assert.deepEqual(app.openapi().paths['/x']!.get!.responses['200'], {
    description: 'Successful Response',
    content: { 'text/csv': { schema: { type: 'string' }, example: 'a,b' }, 'application/pdf': {} },
  });
});

test('responses: the options object given is not changed by building the document', () => {
  const extra = { 200: { content: { 'image/png': {} as Record<string, unknown> } } };
  const app = createApp();
  app.get('/x', () => ({}), { responses: extra });
  app.openapi();
  assert.deepEqual(extra, { 200: { content: { 'image/png': {} } } });
});

test("responses: a controller's apply to each of its HTTP routes, a route's own entry for a code wins", async () => {
  @Controller('/items', { responses: { 404: { description: 'Not found' }, 403: { description: 'Forbidden here' } } })
  class ItemsController {
    @Get('/')
    list() {
      return [];
    }

    @Put('/:id', { responses: { 403: { description: 'Operation forbidden' } } })
    update() {
      return {};
    }

    @WebSocket('/ws')
    async ws() {}
  }
  @Module({ controllers: [ItemsController] })
  class AppModule {}
  const paths = (await bootstrap(AppModule)).openapi().paths;
  assert.deepEqual(paths['/items/']!.get!.responses['404'], { description: 'Not found' });
  assert.deepEqual(paths['/items/']!.get!.responses['403'], { description: 'Forbidden here' });
  assert.deepEqual(paths['/items/{id}']!.put!.responses['404'], { description: 'Not found' });
  assert.deepEqual(paths['/items/{id}']!.put!.responses['403'], { description: 'Operation forbidden' });
  assert.equal(paths['/items/ws']!.get!.responses['404'], undefined);
});
