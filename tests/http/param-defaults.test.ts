import 'reflect-metadata';
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { IsString } from 'class-validator';
import { Body, Controller, Cookie, Depends, Get, Header, Module, Post, Query, bootstrap, dependency } from 'zigmund';

const PAGE = 25;
let calls = 0;

class Note {
  @IsString()
  text!: string;
}

// A dependency function written with defaults of its own.
const paging = dependency([Query('offset', { type: Number }), Query('size', { type: Number })], (offset: number = 0, size: number = PAGE) => ({ offset, size }));

@Controller('/items')
class ItemsController {
  @Get()
  list(
    @Query('q') q: string = 'all',
    @Query('limit', { integer: true, ge: 1 }) limit: number = 10,
    @Query('ratio') ratio: number = -0.5,
    @Query('tags', { type: [String] }) tags: string[] = ['a', 'b'],
    @Query('page') page: number = PAGE,
    @Query('seen') seen: number = ++calls,
  ) {
    return { q, limit, ratio, tags, page, seen };
  }

  @Get('/strings')
  strings(
    @Header('X-Mode') mode: string = `plain`,
    @Cookie('theme') theme: string = "dark",
    @Query('flag') flag: boolean = false,
    @Query('nothing') nothing: string | null = null,
  ) {
    return { mode, theme, flag, nothing };
  }

  @Get('/paged')
  paged(@Depends(paging) page: { offset: number; size: number }) {
    return page;
  }

  @Post('/notes')
  note(@Body() note: Note = Object.assign(new Note(), { text: 'empty' })) {
    return { text: note.text };
  }

  @Get('/explicit')
  explicit(@Query('n', { default: 3 }) n: number = 7) {
    return { n };
  }
}

@Module({ controllers: [ItemsController] })
class ItemsModule {}

const app = await bootstrap(ItemsModule, { logStartup: false, handleSignals: false });
const base = await app.serve({ port: 0 });
after(() => app.close());

const get = async (path: string, init?: RequestInit) => {
  const res = await fetch(base + path, init);
  return { status: res.status, body: await res.json() };
};

test('a parameter with a JavaScript default is optional and gets that default', async () => {
  const res = await get('/items');
  assert.equal(res.status, 200);
  assert.deepEqual(res.body, { q: 'all', limit: 10, ratio: -0.5, tags: ['a', 'b'], page: 25, seen: 1 });
});

test('a given value is coerced and checked; the default is not used', async () => {
  assert.deepEqual((await get('/items?q=x&limit=3&tags=z&ratio=2&page=4')).body, { q: 'x', limit: 3, ratio: 2, tags: ['z'], page: 4, seen: 2 });
  const bad = await get('/items?limit=0');
  assert.equal(bad.status, 422);
  assert.deepEqual(bad.body, {
    detail: [{ type: 'greater_than_equal', loc: ['query', 'limit'], msg: 'Input should be greater than or equal to 1', input: '0', ctx: { ge: 1 } }],
  });
});

test('a default that is an expression is evaluated by JavaScript on each call', async () => {
  const first = (await get('/items')).body as { seen: number };
  const second = (await get('/items')).body as { seen: number };
  assert.equal(second.seen, first.seen + 1);
});

test('defaults on headers, cookies, booleans and null', async () => {
  assert.deepEqual((await get('/items/strings')).body, { mode: 'plain', theme: 'dark', flag: false, nothing: null });
  assert.deepEqual((await get('/items/strings', { headers: { 'x-mode': 'fancy', cookie: 'theme=light' } })).body, {
    mode: 'fancy',
    theme: 'light',
    flag: false,
    nothing: null,
  });
});

test('a dependency function written with defaults reads them too', async () => {
  assert.deepEqual((await get('/items/paged')).body, { offset: 0, size: 25 });
  assert.deepEqual((await get('/items/paged?offset=50')).body, { offset: 50, size: 25 });
});

test('a body with a default is optional', async () => {
  assert.deepEqual((await get('/items/notes', { method: 'POST' })).body, { text: 'empty' });
  const sent = await get('/items/notes', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"hi"}' });
  assert.deepEqual(sent.body, { text: 'hi' });
});

test('the default option wins over the JavaScript default', async () => {
  assert.deepEqual((await get('/items/explicit')).body, { n: 3 });
});

test('literal defaults are shown in OpenAPI; expression defaults only make the parameter optional', () => {
  const params = app.openapi().paths['/items'].get!.parameters!;
  const byName = Object.fromEntries(params.map((p) => [p.name, p]));
  assert.deepEqual(byName.q.schema, { type: 'string', default: 'all' });
  assert.deepEqual(byName.limit.schema, { type: 'integer', minimum: 1, default: 10 });
  assert.deepEqual(byName.ratio.schema, { type: 'number', default: -0.5 });
  assert.deepEqual(byName.tags.schema, { type: 'array', items: { type: 'string' }, default: ['a', 'b'] });
  assert.deepEqual(byName.page.schema, { type: 'number' });
  assert.deepEqual(byName.seen.schema, { type: 'number' });
  for (const p of params) assert.equal(p.required, false, p.name);
  const strings = app.openapi().paths['/items/strings'].get!.parameters!;
  assert.deepEqual(strings.map((p) => [p.name, p.schema.default]), [
    ['x-mode', 'plain'],
    ['theme', 'dark'],
    ['flag', false],
    ['nothing', null],
  ]);
  const body = app.openapi().paths['/items/notes'].post!.requestBody!;
  assert.equal(body.required, false);
});
