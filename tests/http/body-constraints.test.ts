import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IsString } from 'class-validator';
import { Body, BootstrapError, Controller, Module, Put, bootstrap } from 'zigmund';
import { TestClient } from 'zigmund/testing';

class Note {
  @IsString()
  text!: string;
}

@Controller()
class RatingController {
  @Put('/rate')
  rate(
    @Body('importance', { integer: true, gt: 0 }) importance: number,
    @Body('score', { ge: 0, le: 1, required: false }) score: number,
    @Body('code', { minLength: 2, pattern: '^[A-Z]+$', required: false }) code: string,
    @Body('count', { integer: true, ge: 1, required: false }) count: number | null,
  ) {
    return { importance, score, code, count };
  }
}

@Module({ controllers: [RatingController] })
class RatingModule {}

const client = new TestClient(await bootstrap(RatingModule));
const detail = async (json: unknown) => {
  const res = await client.put('/rate', { json });
  assert.equal(res.status, 422);
  return res.json<{ detail: unknown[] }>().detail;
};

test('a keyed body value within its constraints is passed as sent', async () => {
  const res = await client.put('/rate', { json: { importance: 2, score: 0.5, code: 'AB', count: 3 } });
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { importance: 2, score: 0.5, code: 'AB', count: 3 });
});

test('gt on a keyed body value answers greater_than with the JSON input and ctx', async () => {
  assert.deepEqual(await detail({ importance: 0 }), [
    { type: 'greater_than', loc: ['body', 'importance'], msg: 'Input should be greater than 0', input: 0, ctx: { gt: 0 } },
  ]);
});

test('integer: a fraction is int_from_float, a string int_type, never converted', async () => {
  assert.deepEqual(await detail({ importance: 1.5 }), [
    { type: 'int_from_float', loc: ['body', 'importance'], msg: 'Input should be a valid integer, got a number with a fractional part', input: 1.5 },
  ]);
  assert.deepEqual(await detail({ importance: '2' }), [{ type: 'int_type', loc: ['body', 'importance'], msg: 'Input should be a valid integer', input: '2' }]);
});

test('the options give the type when TypeScript emits none (`number | null` is Object)', async () => {
  assert.deepEqual(await detail({ importance: 1, count: 0 }), [
    { type: 'greater_than_equal', loc: ['body', 'count'], msg: 'Input should be greater than or equal to 1', input: 0, ctx: { ge: 1 } },
  ]);
  assert.deepEqual(await detail({ importance: 1, count: 'many' }), [{ type: 'int_type', loc: ['body', 'count'], msg: 'Input should be a valid integer', input: 'many' }]);
});

test('number and string constraints on keyed body values are all reported in one 422', async () => {
  const errors = (await detail({ importance: 1, score: 2, code: 'a' })) as { type: string; loc: unknown[] }[];
  assert.deepEqual(
    errors.map((e) => [e.type, e.loc]),
    [
      ['less_than_equal', ['body', 'score']],
      ['string_too_short', ['body', 'code']],
    ],
  );
});

test('the constraints are documented on the keyed body property', async () => {
  const body = (await client.get('/openapi.json')).json<{ paths: Record<string, { put: { requestBody: { content: Record<string, { schema: unknown }> } } }> }>()
    .paths['/rate']!.put.requestBody.content['application/json']!.schema;
  assert.deepEqual(body, {
    type: 'object',
    properties: {
      importance: { type: 'integer', exclusiveMinimum: 0 },
      score: { type: 'number', minimum: 0, maximum: 1 },
      code: { type: 'string', pattern: '^[A-Z]+$', minLength: 2 },
      count: { type: 'integer', minimum: 1 },
    },
    required: ['importance'],
  });
});

test('constraints on a model body, or ones that cannot apply to the type, are a BootstrapError', async () => {
  @Controller()
  class ModelController {
    @Put('/note')
    note(@Body('note', { gt: 0 }) note: Note) {
      return note;
    }
  }
  @Module({ controllers: [ModelController] })
  class ModelModule {}
  await assert.rejects(bootstrap(ModelModule), (err: unknown) => err instanceof BootstrapError && /ModelController\.note.*singular body value/.test(err.message));

  @Controller()
  class MismatchController {
    @Put('/text')
    text(@Body('text', { gt: 0 }) text: string) {
      return text;
    }
  }
  @Module({ controllers: [MismatchController] })
  class MismatchModule {}
  await assert.rejects(bootstrap(MismatchModule), (err: unknown) => err instanceof BootstrapError && /gt applies to numbers/.test(err.message));
});
