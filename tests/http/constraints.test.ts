import 'reflect-metadata';
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { BootstrapError, Controller, Get, Header, Module, Param, Query, bootstrap } from 'zigmund';

@Controller()
class ConstrainedController {
  @Get('/items/:id')
  item(@Param('id', { integer: true, ge: 1, le: 1000 }) id: number) {
    return { id };
  }

  @Get('/range')
  range(
    @Query('gt', { gt: 0, required: false }) gt: number,
    @Query('lt', { lt: 10, required: false }) lt: number,
    @Query('step', { multipleOf: 0.5, required: false }) step: number,
  ) {
    return { gt, lt, step };
  }

  @Get('/tenths')
  tenths(@Query('n', { multipleOf: 0.1 }) n: number) {
    return { n };
  }

  @Get('/search')
  search(
    @Query('q', { minLength: 3, maxLength: 5, pattern: '^fixed', required: false }) q: string,
    @Query('tag', { type: [String], minLength: 1, maxLength: 2, required: false }) tags: string[],
  ) {
    return { q, tags };
  }

  @Get('/header')
  header(@Header('X-Code', { pattern: /^[A-Z]{3}$/g }) code: string) {
    return { code };
  }
}

@Module({ controllers: [ConstrainedController] })
class ConstrainedModule {}

const app = await bootstrap(ConstrainedModule, { logStartup: false, handleSignals: false });
const base = await app.serve({ port: 0 });
after(() => app.close());

async function detail(path: string, headers: Record<string, string> = {}): Promise<unknown[]> {
  const res = await fetch(base + path, { headers });
  assert.equal(res.status, 422, path);
  return ((await res.json()) as { detail: unknown[] }).detail;
}

test('ge and le answer greater_than_equal and less_than_equal with the raw input and ctx', async () => {
  assert.deepEqual(await (await fetch(`${base}/items/1`)).json(), { id: 1 });
  assert.deepEqual(await detail('/items/0'), [
    { type: 'greater_than_equal', loc: ['path', 'id'], msg: 'Input should be greater than or equal to 1', input: '0', ctx: { ge: 1 } },
  ]);
  assert.deepEqual(await detail('/items/1001'), [
    { type: 'less_than_equal', loc: ['path', 'id'], msg: 'Input should be less than or equal to 1000', input: '1001', ctx: { le: 1000 } },
  ]);
});

test('a value that is not a number fails parsing before any constraint', async () => {
  assert.deepEqual(await detail('/items/abc'), [
    { type: 'int_parsing', loc: ['path', 'id'], msg: 'Input should be a valid integer, unable to parse string as an integer', input: 'abc' },
  ]);
});

test('gt, lt and multipleOf answer greater_than, less_than and multiple_of', async () => {
  assert.deepEqual(await (await fetch(`${base}/range?gt=0.1&lt=9.9&step=1.5`)).json(), { gt: 0.1, lt: 9.9, step: 1.5 });
  assert.deepEqual(await detail('/range?gt=0&lt=10&step=0.3'), [
    { type: 'greater_than', loc: ['query', 'gt'], msg: 'Input should be greater than 0', input: '0', ctx: { gt: 0 } },
    { type: 'less_than', loc: ['query', 'lt'], msg: 'Input should be less than 10', input: '10', ctx: { lt: 10 } },
    { type: 'multiple_of', loc: ['query', 'step'], msg: 'Input should be a multiple of 0.5', input: '0.3', ctx: { multiple_of: 0.5 } },
  ]);
});

test('multipleOf tolerates floating point: 0.3 is a multiple of 0.1, 0.35 is not', async () => {
  assert.deepEqual(await (await fetch(`${base}/tenths?n=0.3`)).json(), { n: 0.3 });
  assert.deepEqual(await detail('/tenths?n=0.35'), [
    { type: 'multiple_of', loc: ['query', 'n'], msg: 'Input should be a multiple of 0.1', input: '0.35', ctx: { multiple_of: 0.1 } },
  ]);
});

test('minLength, maxLength and pattern answer the string_* types with pydantic messages', async () => {
  assert.deepEqual(await (await fetch(`${base}/search?q=fixed`)).json(), { q: 'fixed' });
  assert.deepEqual(await detail('/search?q=fi'), [
    { type: 'string_too_short', loc: ['query', 'q'], msg: 'String should have at least 3 characters', input: 'fi', ctx: { min_length: 3 } },
  ]);
  assert.deepEqual(await detail('/search?q=fixedq'), [
    { type: 'string_too_long', loc: ['query', 'q'], msg: 'String should have at most 5 characters', input: 'fixedq', ctx: { max_length: 5 } },
  ]);
  assert.deepEqual(await detail('/search?q=other'), [
    { type: 'string_pattern_mismatch', loc: ['query', 'q'], msg: "String should match pattern '^fixed'", input: 'other', ctx: { pattern: '^fixed' } },
  ]);
});

test('string lengths count characters, not UTF-16 units', async () => {
  // Three emoji are six UTF-16 units but three characters: within 3..5.
  const q = encodeURIComponent('😀😀😀');
  assert.deepEqual(await detail(`/search?q=${q}`), [
    { type: 'string_pattern_mismatch', loc: ['query', 'q'], msg: "String should match pattern '^fixed'", input: '😀😀😀', ctx: { pattern: '^fixed' } },
  ]);
});

test('on a list, minLength and maxLength bound the number of items (too_short, too_long)', async () => {
  assert.deepEqual(await (await fetch(`${base}/search?tag=a&tag=b`)).json(), { tags: ['a', 'b'] });
  assert.deepEqual(await detail('/search?tag=a&tag=b&tag=c'), [
    {
      type: 'too_long',
      loc: ['query', 'tag'],
      msg: 'List should have at most 2 items after validation, not 3',
      input: ['a', 'b', 'c'],
      ctx: { field_type: 'List', max_length: 2, actual_length: 3 },
    },
  ]);
});

test('a global RegExp pattern gives the same answer on every request', async () => {
  for (let i = 0; i < 3; i++) {
    const res = await fetch(`${base}/header`, { headers: { 'x-code': 'ABC' } });
    assert.deepEqual(await res.json(), { code: 'ABC' });
  }
  assert.deepEqual(await detail('/header', { 'x-code': 'abcd' }), [
    { type: 'string_pattern_mismatch', loc: ['header', 'x-code'], msg: "String should match pattern '^[A-Z]{3}$'", input: 'abcd', ctx: { pattern: '^[A-Z]{3}$' } },
  ]);
});

test('every failing parameter is reported in one 422', async () => {
  const errors = (await detail('/range?gt=-1&lt=11')) as { type: string }[];
  assert.deepEqual(errors.map((e) => e.type), ['greater_than', 'less_than']);
});

test('constraints are documented in the OpenAPI schema of each parameter', () => {
  const doc = app.openapi();
  const item = doc.paths['/items/{id}'].get!.parameters!;
  assert.deepEqual(item[0].schema, { type: 'integer', minimum: 1, maximum: 1000 });
  const range = doc.paths['/range'].get!.parameters!;
  assert.deepEqual(range.map((p) => p.schema), [
    { type: 'number', exclusiveMinimum: 0 },
    { type: 'number', exclusiveMaximum: 10 },
    { type: 'number', multipleOf: 0.5 },
  ]);
  const search = doc.paths['/search'].get!.parameters!;
  assert.deepEqual(search[0].schema, { type: 'string', pattern: '^fixed', minLength: 3, maxLength: 5 });
  assert.deepEqual(search[1].schema, { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 2 });
});

test('a constraint that cannot apply to the parameter type is a BootstrapError naming it', () => {
  @Controller()
  class Wrong {
    @Get('/wrong')
    wrong(@Query('name', { gt: 1 }) name: string) {
      return name;
    }
  }
  @Module({ controllers: [Wrong] })
  class WrongModule {}
  return assert.rejects(bootstrap(WrongModule), (err: unknown) => {
    assert.ok(err instanceof BootstrapError);
    assert.match(err.message, /Wrong\.wrong, parameter #0 "name": gt applies to numbers, not to a string/);
    return true;
  });
});
