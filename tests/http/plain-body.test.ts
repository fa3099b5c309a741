import 'reflect-metadata';
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { Body, BootstrapError, Controller, Module, Post, bootstrap } from 'zigmund';

// What a TypeScript user writes first: a class used as a type, no validation decorators.
class Item {
  name!: string;
  price!: number;

  get label(): string {
    return `${this.name} (${this.price})`;
  }
}

@Controller('/items')
class ItemsController {
  @Post()
  create(@Body() item: Item) {
    return { item, isInstance: item instanceof Item, label: item.label };
  }

  @Post('/many')
  many(@Body({ type: [Item] }) items: Item[]) {
    return { count: items.length, allInstances: items.every((i) => i instanceof Item) };
  }
}

@Module({ controllers: [ItemsController] })
class ItemsModule {}

const app = await bootstrap(ItemsModule, { logStartup: false, handleSignals: false });
const base = await app.serve({ port: 0 });
after(() => app.close());

const post = async (path: string, body: string) => {
  const res = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { status: res.status, body: await res.json() };
};

test('a body class without validator decorators is accepted as an instance of it, unchecked', async () => {
  const res = await post('/items', '{"name":"Foo","price":3.5}');
  assert.equal(res.status, 200);
  assert.deepEqual(res.body, { item: { name: 'Foo', price: 3.5 }, isInstance: true, label: 'Foo (3.5)' });
});

test('a list of such classes gives instances too', async () => {
  assert.deepEqual((await post('/items/many', '[{"name":"a"},{"name":"b"}]')).body, { count: 2, allInstances: true });
});

test('a body that is not an object is still a 422', async () => {
  const res = await post('/items', '[1,2]');
  assert.equal(res.status, 422);
  assert.deepEqual(res.body, { detail: [{ type: 'model_attributes_type', loc: ['body'], msg: 'Input should be a valid dictionary or object to extract fields from', input: [1, 2] }] });
  assert.equal((await post('/items', '"text"')).status, 422);
});

test('a missing body is a 422 missing', async () => {
  const res = await fetch(`${base}/items`, { method: 'POST', headers: { 'content-type': 'application/json' } });
  assert.equal(res.status, 422);
  assert.deepEqual(((await res.json()) as { detail: { type: string }[] }).detail[0].type, 'missing');
});

test('forbidUnknown on a class without declared fields is a BootstrapError, not a route refusing everything', async () => {
  @Controller()
  class Strict {
    @Post('/strict')
    strict(@Body({ forbidUnknown: true }) item: Item) {
      return item;
    }
  }
  @Module({ controllers: [Strict] })
  class StrictModule {}
  await assert.rejects(bootstrap(StrictModule), (err: unknown) => err instanceof BootstrapError && /Item declares no field with a class-validator decorator/.test(err.message));
});
