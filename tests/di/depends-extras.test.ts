import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Controller, Depends, Get, Header, HttpException, Module, Query, TestClient, bootstrap, createApp, dependency } from 'zigmund';

const calls: string[] = [];
const verifyToken = dependency([Header('x-token')], (token: string) => {
  calls.push('app');
  if (token !== 'secret') throw new HttpException(400, 'X-Token header invalid');
});
const controllerDep = () => void calls.push('controller');
const routeDep = () => void calls.push('route');

@Controller('/items', { dependencies: [controllerDep] })
class ItemsController {
  @Get('/', { dependencies: [routeDep] })
  list() {
    calls.push('handler');
    return ['a'];
  }
}

@Module({ controllers: [ItemsController] })
class ItemsModule {}

test('app dependencies run before the controller\'s and the route\'s, on every route', async () => {
  const client = new TestClient(await bootstrap(ItemsModule, { dependencies: [verifyToken] }));
  calls.length = 0;
  const ok = await client.get('/items/', { headers: { 'x-token': 'secret' } });
  assert.equal(ok.status, 200);
  assert.deepEqual(calls, ['app', 'controller', 'route', 'handler']);
  const refused = await client.get('/items/', { headers: { 'x-token': 'wrong' } });
  assert.equal(refused.status, 400);
  assert.deepEqual(refused.json(), { detail: 'X-Token header invalid' });
  const missing = await client.get('/items/');
  assert.equal(missing.status, 422);
  assert.deepEqual(missing.json<{ detail: { loc: unknown[] }[] }>().detail.map((d) => d.loc), [['header', 'x-token']]);
});

test('app dependencies apply to function routes and are documented; the documentation routes stay open', async () => {
  const app = createApp({ dependencies: [verifyToken] });
  app.get('/users', () => ['Rick']);
  const client = new TestClient(app);
  assert.equal((await client.get('/users')).status, 422);
  assert.deepEqual((await client.get('/users', { headers: { 'x-token': 'secret' } })).json(), ['Rick']);
  assert.equal((await client.get('/openapi.json')).status, 200);
  assert.equal((await client.get('/docs')).status, 200);
  assert.deepEqual(app.openapi().paths['/users']!.get!.parameters, [{ name: 'x-token', in: 'header', required: true, schema: { type: 'string' } }]);
});

class Paging {
  constructor(@Query('limit', { integer: true }) readonly limit: number = 10) {}
}

@Controller()
class PagingController {
  @Get('/paged')
  paged(@Depends() paging: Paging) {
    return { limit: paging.limit, isPaging: paging instanceof Paging };
  }
}

@Module({ controllers: [PagingController] })
class PagingModule {}

test('@Depends() without a provider depends on the parameter\'s class', async () => {
  const app = await bootstrap(PagingModule);
  const client = new TestClient(app);
  assert.deepEqual((await client.get('/paged?limit=3')).json(), { limit: 3, isPaging: true });
  assert.deepEqual((await client.get('/paged')).json(), { limit: 10, isPaging: true });
  assert.deepEqual(app.openapi().paths['/paged']!.get!.parameters, [{ name: 'limit', in: 'query', required: false, schema: { type: 'integer', default: 10 } }]);
});

interface Shape {
  sides: number;
}

@Controller()
class UntypedController {
  @Get('/untyped')
  untyped(@Depends() shape: Shape) {
    return shape;
  }
}

@Module({ controllers: [UntypedController] })
class UntypedModule {}

test('@Depends() on a parameter typed by an interface is refused at bootstrap', async () => {
  await assert.rejects(bootstrap(UntypedModule), /UntypedController\.untyped, parameter #0: @Depends\(\) without a provider needs a class/);
});
