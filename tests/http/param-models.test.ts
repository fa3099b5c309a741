import 'reflect-metadata';
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { BootstrapError, Connection, Controller, Cookie, Form, Get, Header, Module, Post, Query, WebSocket, bootstrap } from 'zigmund';

class FilterParams {
  @IsInt()
  @Min(1)
  @Max(100)
  limit!: number;

  @IsOptional()
  @IsInt()
  offset?: number;

  @IsOptional()
  @IsIn(['created_at', 'updated_at'])
  orderBy?: string;

  @IsOptional()
  @IsString({ each: true })
  tags?: string[];

  @IsOptional()
  @Type(() => Number)
  @IsInt({ each: true })
  ids?: number[];
}

class CommonHeaders {
  @IsString()
  host!: string;

  @IsBoolean()
  saveData!: boolean;

  @IsOptional()
  @IsString({ each: true })
  xTag?: string[];
}

class Cookies {
  @IsString()
  session!: string;

  @IsOptional()
  @IsString()
  tracker?: string;
}

class LoginForm {
  @IsString()
  username!: string;

  @IsString()
  password!: string;
}

@Controller()
class ModelsController {
  @Get('/items')
  items(@Query() filter: FilterParams) {
    return { filter, isInstance: filter instanceof FilterParams };
  }

  @Get('/strict')
  strict(@Query({ forbidUnknown: true }) filter: FilterParams) {
    return filter;
  }

  @Get('/headers')
  headers(@Header() headers: CommonHeaders) {
    return headers;
  }

  @Get('/strict-headers')
  strictHeaders(@Header({ forbidUnknown: true }) headers: CommonHeaders) {
    return headers;
  }

  @Get('/cookies')
  cookies(@Cookie({ forbidUnknown: true }) cookies: Cookies) {
    return cookies;
  }

  @WebSocket('/live')
  async live(conn: Connection, @Query() filter: FilterParams) {
    await conn.sendJson(filter);
    await conn.close();
  }

  @Post('/login')
  login(@Form() form: LoginForm) {
    return form;
  }
}

@Module({ controllers: [ModelsController] })
class ModelsModule {}

const app = await bootstrap(ModelsModule, { logStartup: false, handleSignals: false });
const base = await app.serve({ port: 0 });
const host = new URL(base).host;
after(() => app.close());

async function call(path: string, init?: RequestInit): Promise<{ status: number; body: any }> {
  const res = await fetch(base + path, init);
  return { status: res.status, body: await res.json() };
}

test('a query model is filled from the query string, each field coerced to its declared type', async () => {
  const res = await call('/items?limit=5&offset=10&orderBy=created_at&tags=a&tags=b&ids=1&ids=2');
  assert.equal(res.status, 200);
  assert.deepEqual(res.body, { filter: { limit: 5, offset: 10, orderBy: 'created_at', tags: ['a', 'b'], ids: [1, 2] }, isInstance: true });
});

test("a query model's own checks answer in FastAPI's shape, at the field's location", async () => {
  const missing = await call('/items');
  assert.equal(missing.status, 422);
  assert.deepEqual(missing.body.detail.map((d: { type: string; loc: unknown[] }) => [d.type, d.loc]), [['missing', ['query', 'limit']]]);
  const tooBig = await call('/items?limit=500');
  assert.deepEqual(tooBig.body.detail.map((d: { type: string; loc: unknown[] }) => [d.type, d.loc]), [['less_than_equal', ['query', 'limit']]]);
  const notANumber = await call('/items?limit=many');
  assert.deepEqual(notANumber.body.detail, [
    { type: 'int_parsing', loc: ['query', 'limit'], msg: 'Input should be a valid integer, unable to parse string as an integer', input: 'many' },
  ]);
});

test('without forbidUnknown, extra query keys are ignored', async () => {
  const res = await call('/items?limit=1&tool=plumbus');
  assert.equal(res.status, 200);
  assert.deepEqual(res.body.filter, { limit: 1 });
});

test('forbidUnknown answers 422 extra_forbidden naming each extra key', async () => {
  const res = await call('/strict?limit=1&tool=plumbus&other=1&other=2');
  assert.equal(res.status, 422);
  assert.deepEqual(res.body, {
    detail: [
      { type: 'extra_forbidden', loc: ['query', 'tool'], msg: 'Extra inputs are not permitted', input: 'plumbus' },
      { type: 'extra_forbidden', loc: ['query', 'other'], msg: 'Extra inputs are not permitted', input: ['1', '2'] },
    ],
  });
  assert.equal((await call('/strict?limit=1')).status, 200);
});

test('a header model reads camelCase fields as dashed headers, repeated headers as a list', async () => {
  // fetch joins repeated headers into one line; node:http sends each.
  const res = await new Promise<{ status: number; body: any }>((resolve, reject) => {
    const req = request(`${base}/headers`, (answer) => {
      let text = '';
      answer.on('data', (chunk) => (text += chunk));
      answer.on('end', () => resolve({ status: answer.statusCode!, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.setHeader('save-data', 'true');
    req.setHeader('x-tag', ['one', 'two']);
    req.end();
  });
  assert.equal(res.status, 200);
  assert.deepEqual(res.body, { host, saveData: true, xTag: ['one', 'two'] });
  const missing = await call('/headers');
  assert.deepEqual(missing.body.detail.map((d: { type: string; loc: unknown[] }) => [d.type, d.loc]), [['missing', ['header', 'saveData']]]);
});

test('a header model with forbidUnknown refuses every header it does not declare, as FastAPI does', async () => {
  const res = await call('/strict-headers', { headers: { 'save-data': 'no', tool: 'plumbus' } });
  assert.equal(res.status, 422);
  const extras = res.body.detail.map((d: { loc: unknown[] }) => d.loc[1]);
  assert.ok(extras.includes('tool'));
  assert.ok(res.body.detail.every((d: { type: string }) => d.type === 'extra_forbidden'));
});

test('a cookie model with forbidUnknown names the extra cookie', async () => {
  assert.deepEqual((await call('/cookies', { headers: { cookie: 'session=abc' } })).body, { session: 'abc' });
  const res = await call('/cookies', { headers: { cookie: 'session=abc; santa=claus' } });
  assert.deepEqual(res.body, { detail: [{ type: 'extra_forbidden', loc: ['cookie', 'santa'], msg: 'Extra inputs are not permitted', input: 'claus' }] });
});

test('a form model is filled from the form fields', async () => {
  const ok = await call('/login', { method: 'POST', body: new URLSearchParams({ username: 'ann', password: 'secret' }) });
  assert.deepEqual(ok.body, { username: 'ann', password: 'secret' });
  const missing = await call('/login', { method: 'POST', body: new URLSearchParams({ username: 'ann' }) });
  assert.equal(missing.status, 422);
  assert.deepEqual(missing.body.detail.map((d: { type: string; loc: unknown[] }) => [d.type, d.loc]), [['missing', ['body', 'password']]]);
});

test('parameter models are documented field by field; a form model as the form body', () => {
  const doc = app.openapi();
  const items = doc.paths['/items'].get!.parameters!;
  assert.deepEqual(items.map((p) => [p.name, p.in, p.required]), [
    ['limit', 'query', true],
    ['offset', 'query', false],
    ['orderBy', 'query', false],
    ['tags', 'query', false],
    ['ids', 'query', false],
  ]);
  assert.equal(items[0].schema.minimum, 1);
  assert.equal(items[0].schema.maximum, 100);
  const headers = doc.paths['/headers'].get!.parameters!;
  assert.deepEqual(headers.map((p) => [p.name, p.in, p.required]), [
    ['host', 'header', true],
    ['save-data', 'header', true],
    ['x-tag', 'header', false],
  ]);
  const form = doc.paths['/login'].post!.requestBody!.content['application/x-www-form-urlencoded'].schema;
  assert.deepEqual(Object.keys(form.properties!), ['username', 'password']);
  assert.deepEqual(form.required, ['username', 'password']);
});

test('@Query() on a parameter that is not a class is a BootstrapError', async () => {
  @Controller()
  class Wrong {
    @Get('/wrong')
    wrong(@Query() everything: string) {
      return everything;
    }
  }
  @Module({ controllers: [Wrong] })
  class WrongModule {}
  await assert.rejects(bootstrap(WrongModule), (err: unknown) => err instanceof BootstrapError && /Wrong\.wrong, parameter #0: @Query\(\) without a name takes a class/.test(err.message));
});

test('a WebSocket route reads a query model too, and AsyncAPI lists its fields', async () => {
  const { WebSocket: Client } = await import('ws');
  const ws = new Client(`${base.replace('http', 'ws')}/live?limit=3&tags=x`);
  const message = await new Promise<string>((resolve, reject) => {
    ws.once('message', (data) => resolve(String(data)));
    ws.once('error', reject);
  });
  ws.close();
  assert.deepEqual(JSON.parse(message), { limit: 3, tags: ['x'] });
  const channel = Object.values(app.asyncapi().channels)[0] as { bindings?: { ws?: { query?: { properties?: object } } } };
  assert.deepEqual(Object.keys(channel.bindings!.ws!.query!.properties!), ['limit', 'offset', 'orderBy', 'tags', 'ids']);
});
