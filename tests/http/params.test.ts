import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Controller, Cookie, Get, Header, Module, Param, Query, Request, TestClient, bootstrap } from 'zigmund';

enum Color {
  Red = 'red',
  Green = 'green',
}

@Controller()
class ParamsController {
  @Get('/num/:id')
  num(@Param('id') id: number) {
    return { id, type: typeof id };
  }

  @Get('/int/:id')
  int(@Param('id', { integer: true }) id: number) {
    return { id };
  }

  @Get('/search')
  search(
    @Query('q') q: string,
    @Query('limit', { integer: true, default: 10 }) limit: number,
    @Query('active', { default: false }) active: boolean,
    @Query('tags', { type: [String], required: false }) tags: string[] | undefined,
    @Query('ids', { type: [Number], required: false }) ids: number[] | undefined,
    @Query('color', { enum: Color, default: Color.Red }) color: Color,
    @Query('since', { type: Date, required: false }) since: Date | undefined,
  ) {
    return { q, limit, active, tags, ids, color, since: since?.toISOString() ?? null };
  }

  @Get('/headers')
  headers(@Header('X-Token') token: string, @Cookie('session', { required: false }) session: string | undefined) {
    return { token, session: session ?? null };
  }

  @Get('/request/:id')
  request(req: Request) {
    return { method: req.method, path: req.path, url: req.url, params: req.params, query: req.query, cookies: req.cookies, ip: req.ip ?? null, ua: req.headers['user-agent'] };
  }
}

@Module({ controllers: [ParamsController] })
class ParamsModule {}

const client = async () => new TestClient(await bootstrap(ParamsModule));

test('path parameters are coerced to the declared number type', async () => {
  const c = await client();
  assert.deepEqual((await c.get('/num/2.5')).json(), { id: 2.5, type: 'number' });
  const bad = await c.get('/num/abc');
  assert.equal(bad.status, 422);
  assert.deepEqual(bad.json(), {
    detail: [{ type: 'float_parsing', loc: ['path', 'id'], msg: 'Input should be a valid number, unable to parse string as a number', input: 'abc' }],
  });
});

test('integer parameters reject fractions with int_parsing', async () => {
  const c = await client();
  assert.deepEqual((await c.get('/int/42')).json(), { id: 42 });
  const bad = await c.get('/int/4.2');
  assert.equal(bad.status, 422);
  assert.equal(bad.json<{ detail: { type: string }[] }>().detail[0].type, 'int_parsing');
});

test('integer parameters: plain digits, signs, leading zeros and the safe-integer edge', async () => {
  const c = await client();
  const cases: [string, number][] = [
    ['0', 0],
    ['007', 7],
    ['123456789012345', 123456789012345],
    ['9007199254740991', Number.MAX_SAFE_INTEGER],
    ['-12', -12],
    ['+12', 12],
    ['%2042%20', 42],
  ];
  for (const [raw, id] of cases) assert.deepEqual((await c.get(`/int/${raw}`)).json(), { id }, raw);
  for (const raw of ['9007199254740993', '99999999999999999999', '4a', '1e3', '0x10', '-']) {
    const bad = await c.get(`/int/${raw}`);
    assert.equal(bad.status, 422, raw);
    assert.deepEqual(bad.json<{ detail: { type: string; input: string }[] }>().detail.map((d) => [d.type, d.input]), [['int_parsing', raw]]);
  }
});

test('query parameters: defaults, booleans, repeated keys as arrays, enums and dates', async () => {
  const c = await client();
  const res = await c.get('/search', { query: { q: 'x', active: 'yes', tags: ['a', 'b'], ids: ['1', '2'], color: 'green', since: '2024-01-02T03:04:05Z' } });
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { q: 'x', limit: 10, active: true, tags: ['a', 'b'], ids: [1, 2], color: 'green', since: '2024-01-02T03:04:05.000Z' });
  const single = await c.get('/search?q=y&tags=only');
  assert.deepEqual(single.json<{ tags: string[] }>().tags, ['only']);
});

test('a missing required query parameter is a 422 with loc ["query", name]', async () => {
  const c = await client();
  const res = await c.get('/search');
  assert.equal(res.status, 422);
  assert.deepEqual(res.json(), { detail: [{ type: 'missing', loc: ['query', 'q'], msg: 'Field required', input: null }] });
});

test('all failures of one request are gathered into one 422', async () => {
  const c = await client();
  const res = await c.get('/search?limit=ten&active=maybe&ids=1&ids=x&color=blue&since=notadate');
  assert.equal(res.status, 422);
  const detail = res.json<{ detail: { type: string; loc: (string | number)[]; input: unknown; msg: string }[] }>().detail;
  assert.deepEqual(detail.map((d) => [d.type, d.loc]), [
    ['missing', ['query', 'q']],
    ['int_parsing', ['query', 'limit']],
    ['bool_parsing', ['query', 'active']],
    ['float_parsing', ['query', 'ids', 1]],
    ['enum', ['query', 'color']],
    ['datetime_parsing', ['query', 'since']],
  ]);
  assert.equal(detail[4].msg, "Input should be 'red' or 'green'");
  assert.equal(detail[4].input, 'blue');
});

test('headers and cookies are read by name', async () => {
  const c = await client();
  const res = await c.get('/headers', { headers: { 'x-token': 'secret' }, cookies: { session: 'abc' } });
  assert.deepEqual(res.json(), { token: 'secret', session: 'abc' });
  const missing = await c.get('/headers');
  assert.equal(missing.status, 422);
  assert.deepEqual(missing.json<{ detail: { loc: string[] }[] }>().detail[0].loc, ['header', 'x-token']);
});

test('Request is injected by type with method, path, params, query, cookies and headers', async () => {
  const c = await client();
  const res = await c.get('/request/7?a=1&a=2&b=x', { headers: { 'user-agent': 'zig-test' }, cookies: { k: 'v' } });
  assert.deepEqual(res.json(), {
    method: 'GET',
    path: '/request/7',
    url: '/request/7?a=1&a=2&b=x',
    params: { id: '7' },
    query: { a: ['1', '2'], b: 'x' },
    cookies: { k: 'v' },
    ip: '127.0.0.1',
    ua: 'zig-test',
  });
});
