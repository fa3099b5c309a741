import 'reflect-metadata';
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { Controller, Get, Header, Module, bootstrap } from 'zigmund';

@Controller()
class HeadersController {
  @Get('/tokens')
  tokens(@Header('X-Token', { type: [String], required: false }) tokens: string[] | undefined, @Header('X-One', { required: false }) one: string | undefined) {
    return { tokens: tokens ?? null, one: one ?? null };
  }

  @Get('/numbers')
  numbers(@Header('X-N', { type: [Number] }) numbers: number[]) {
    return { numbers };
  }
}

@Module({ controllers: [HeadersController] })
class HeadersModule {}

const app = await bootstrap(HeadersModule, { logStartup: false, handleSignals: false });
const base = await app.serve({ port: 0 });
after(() => app.close());

/** A GET with repeated header lines, which fetch would join into one. */
function rawGet(path: string, headers: Record<string, string | string[]>): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = request(base + path, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    for (const [name, value] of Object.entries(headers)) req.setHeader(name, value);
    req.end();
  });
}

test('a repeated header is a list, one item per header line, for type: [String]', async () => {
  const answer = await rawGet('/tokens', { 'x-token': ['foo', 'bar, baz'], 'x-one': 'a' });
  assert.deepEqual(answer, { status: 200, body: { tokens: ['foo', 'bar, baz'], one: 'a' } });
});

test('a single header is a list of one; absent is undefined', async () => {
  assert.deepEqual(await (await fetch(`${base}/tokens`, { headers: { 'x-token': 'only' } })).json(), { tokens: ['only'], one: null });
  assert.deepEqual(await (await fetch(`${base}/tokens`)).json(), { tokens: null, one: null });
});

test('each header line is coerced, and a bad one is reported at its index', async () => {
  const answer = await rawGet('/numbers', { 'x-n': ['1', 'two'] });
  assert.equal(answer.status, 422);
  assert.deepEqual(answer.body.detail, [
    { type: 'float_parsing', loc: ['header', 'x-n', 1], msg: 'Input should be a valid number, unable to parse string as a number', input: 'two' },
  ]);
});

test('a header list is documented as an array', () => {
  const params = app.openapi().paths['/tokens'].get!.parameters!;
  assert.deepEqual(params[0], { name: 'x-token', in: 'header', required: false, schema: { type: 'array', items: { type: 'string' } } });
});
