import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsDate, IsInt, IsNumber, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { createApp } from 'zigmund';
import { TestClient } from 'zigmund/testing';

class Owner {
  @IsString()
  name!: string;
}

class Item {
  @IsInt()
  id!: number;

  @IsString()
  name!: string;

  @IsNumber()
  price!: number;

  @IsBoolean()
  active!: boolean;

  @IsOptional()
  @IsString()
  note?: string | null;

  @IsOptional()
  @IsDate()
  createdAt?: Date;

  @ValidateNested()
  @Type(() => Owner)
  owner!: Owner;

  @IsArray()
  @IsString({ each: true })
  tags!: string[];

  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => Owner)
  editors?: Owner[];

  // Only a length check: no JSON type is declared.
  @IsOptional()
  @Length(1, 10)
  label?: unknown;
}

class Category {
  @IsString()
  name!: string;

  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => Category)
  children?: Category[];
}

const ITEM = { id: 1, name: 'pen', price: 2.5, active: true, owner: { name: 'ann' }, tags: ['a', 'b'] };

/** An app whose `/model` answers `value` through `model`, and whose `/ok` answers plainly. */
function serving(model: Function | [Function], value: () => unknown): TestClient {
  const app = createApp();
  app.get('/model', value, { responseModel: model });
  app.get('/ok', () => ({ ok: true }));
  return new TestClient(app);
}

test('only declared fields are written, through nested DTOs and lists of them', async () => {
  const c = serving(Item, () => ({
    ...ITEM,
    secret: 'x',
    owner: { name: 'ann', password: 'p' },
    editors: [{ name: 'bo', token: 't' }],
  }));
  const res = await c.get('/model');
  assert.equal(res.status, 200);
  assert.equal(res.headers['content-type'], 'application/json');
  assert.equal(res.text, '{"id":1,"name":"pen","price":2.5,"active":true,"owner":{"name":"ann"},"tags":["a","b"],"editors":[{"name":"bo"}]}');
});

test('[Dto] writes a list, each item filtered', async () => {
  const c = serving([Owner], () => [{ name: 'ann', password: 'p' }, { name: 'bo' }]);
  const res = await c.get('/model');
  assert.equal(res.status, 200);
  assert.equal(res.text, '[{"name":"ann"},{"name":"bo"}]');
});

test('fields missing from the answer are left out, not written as null', async () => {
  const c = serving(Item, () => ({ id: 1, name: 'pen', note: undefined }));
  const res = await c.get('/model');
  assert.equal(res.status, 200);
  assert.equal(res.text, '{"id":1,"name":"pen"}');
});

test('null stays null, for scalars, nested DTOs, lists and list items', async () => {
  const c = serving(Item, () => ({ id: 1, name: null, note: null, owner: null, tags: null, editors: [null, { name: 'bo' }] }));
  const res = await c.get('/model');
  assert.equal(res.status, 200);
  assert.equal(res.text, '{"id":1,"name":null,"note":null,"owner":null,"tags":null,"editors":[null,{"name":"bo"}]}');
  assert.equal((await serving(Item, () => null).get('/model')).text, 'null');
});

test('a Date is written as its ISO string, in a date field or a string field', async () => {
  const at = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));
  const c = serving(Item, () => ({ id: 1, name: at, createdAt: at }));
  const res = await c.get('/model');
  assert.equal(res.status, 200);
  assert.equal(res.text, '{"id":1,"name":"2024-01-02T03:04:05.000Z","createdAt":"2024-01-02T03:04:05.000Z"}');
});

test('a field without a declared JSON type is written as JSON.stringify writes it', async () => {
  const c = serving(Item, () => ({ id: 1, label: { any: ['thing', 1] } }));
  assert.equal((await c.get('/model')).text, '{"id":1,"label":{"any":["thing",1]}}');
});

test('a value of the wrong type is a 500, never coerced, and the app keeps serving', async (t) => {
  const logged: unknown[] = [];
  t.mock.method(console, 'error', (...args: unknown[]) => logged.push(args));
  const wrong: [Function | [Function], unknown][] = [
    [Item, { id: 1, price: 'abc' }],
    [Item, { id: 1, price: '12' }],
    [Item, { id: 1.5 }],
    [Item, { id: 1, name: 5 }],
    [Item, { id: 1, active: 'yes' }],
    [Item, { id: 1, owner: 'ann' }],
    [Item, { id: 1, tags: 'a' }],
    [Item, { id: 1, editors: [{ name: 1 }] }],
    [Item, { id: 1, createdAt: new Date(Number.NaN) }],
    [Item, 5],
    [[Owner], { name: 'ann' }],
  ];
  for (const [model, value] of wrong) {
    const c = serving(model, () => value);
    const res = await c.get('/model');
    assert.equal(res.status, 500, JSON.stringify(value));
    assert.equal(res.text, '{"detail":"Internal Server Error"}');
    assert.equal((await c.get('/ok')).status, 200);
  }
  assert.equal(logged.length, wrong.length);
});

test('a self-referencing DTO is filtered at every depth', async () => {
  const c = serving(Category, () => ({ name: 'a', x: 1, children: [{ name: 'b', y: 2, children: [{ name: 'c', z: 3 }] }] }));
  const res = await c.get('/model');
  assert.equal(res.status, 200);
  assert.equal(res.text, '{"name":"a","children":[{"name":"b","children":[{"name":"c"}]}]}');
});

test('leniencies of fast-json-stringify: a string field writes toString(), a cyclic DTO writes a non-object as {}', async () => {
  const strings = serving(Item, () => ({ id: 1, name: ['a', 'b'] }));
  assert.equal((await strings.get('/model')).text, '{"id":1,"name":"a,b"}');
  const cyclic = serving(Category, () => ({ name: 'a', children: ['b'] }));
  assert.equal((await cyclic.get('/model')).text, '{"name":"a","children":[{}]}');
});

test('a route without responseModel writes the value unchanged', async () => {
  const app = createApp();
  app.get('/plain', () => ({ b: 1, a: 'x', at: new Date(0), nested: { extra: null } }));
  const res = await new TestClient(app).get('/plain');
  assert.equal(res.status, 200);
  assert.equal(res.text, '{"b":1,"a":"x","at":"1970-01-01T00:00:00.000Z","nested":{"extra":null}}');
});

test('an app without responseModel does not load fast-json-stringify', () => {
  // Its own process: this file's other apps load it. Routes compile when they are added.
  const script = `
    const { createApp } = await import(${JSON.stringify(new URL('../../src/index.js', import.meta.url).href)});
    const { createRequire } = await import('node:module');
    createApp().get('/plain', () => ({ ok: true }));
    const loaded = Object.keys(createRequire(import.meta.url).cache).some((path) => path.includes('fast-json-stringify'));
    process.stdout.write(String(loaded));
  `;
  assert.equal(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }), 'false');
});
