import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IsString } from 'class-validator';
import { Connection, Controller, Get, Module, Post, TestClient, WebSocket, bootstrap, createApp } from 'zigmund';

class Problem {
  @IsString()
  message!: string;
}

const notify = { '{$request.body#/url}': { post: { summary: 'Told of the change' } } };

@Controller('/items', {
  responses: { 404: { description: 'Item not found' }, 418: { model: Problem } },
  callbacks: { changed: notify },
  deprecated: true,
})
class ItemsController {
  @Get('/:id', { responses: { 404: { description: 'No such item' } } })
  read() {
    return {};
  }

  @Post('/')
  create() {
    return {};
  }

  @WebSocket('/ws')
  async live(conn: Connection) {
    await conn.close();
  }
}

@Controller('/internal', { includeInSchema: false })
class InternalController {
  @Get('/health')
  health() {
    return { ok: true };
  }
}

@Module({ controllers: [ItemsController, InternalController] })
class AppModule {}

test('a controller\'s responses and callbacks are documented on each of its routes, under the route\'s own', async () => {
  const doc = (await bootstrap(AppModule)).openapi();
  const read = doc.paths['/items/{id}']!.get!;
  assert.equal(read.responses['404']!.description, 'No such item');
  assert.deepEqual(read.responses['418']!.content!['application/json']!.schema, { $ref: '#/components/schemas/Problem' });
  assert.deepEqual(Object.keys(read.callbacks!), ['changed']);
  const create = doc.paths['/items/']!.post!;
  assert.equal(create.responses['404']!.description, 'Item not found');
  assert.ok(create.callbacks!.changed!['{$request.body#/url}']!.post);
});

test('a deprecated controller marks every route deprecated, WebSocket routes included', async () => {
  const doc = (await bootstrap(AppModule)).openapi();
  assert.equal(doc.paths['/items/{id}']!.get!.deprecated, true);
  assert.equal(doc.paths['/items/ws']!.get!.deprecated, true);
  assert.equal(doc.paths['/items/ws']!.get!.responses['404'], undefined);
});

test('includeInSchema: false on a controller leaves its routes out of the document; they still answer', async () => {
  const app = await bootstrap(AppModule);
  assert.equal(app.openapi().paths['/internal/health'], undefined);
  assert.deepEqual((await new TestClient(app).get('/internal/health')).json(), { ok: true });
});

test('the app\'s responses and callbacks are documented on every HTTP route, under the route\'s own, not on the docs routes', () => {
  const app = createApp({ responses: { 500: { description: 'Something broke' }, 503: {} }, callbacks: { audit: notify } });
  app.get('/a', () => ({}), { responses: { 503: { description: 'Down for maintenance' } } });
  app.websocket('/ws', async (conn: Connection) => conn.close());
  const doc = app.openapi();
  const a = doc.paths['/a']!.get!;
  assert.equal(a.responses['500']!.description, 'Something broke');
  assert.equal(a.responses['503']!.description, 'Down for maintenance');
  assert.deepEqual(Object.keys(a.callbacks!), ['audit']);
  assert.equal(doc.paths['/ws']!.get!.responses['500'], undefined);
  assert.deepEqual(Object.keys(doc.paths), ['/a', '/ws']);
});
