import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsNumber, IsOptional, IsString, Min, ValidateNested } from 'class-validator';
import { Body, Controller, Module, Post, TestClient, bootstrap, createApp } from 'zigmund';

class Tag {
  @IsString()
  label!: string;
}

class ItemIn {
  @IsString()
  name!: string;

  @IsNumber()
  @Min(0)
  price!: number;

  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  keywords?: string[];

  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => Tag)
  tags?: Tag[];
}

class Strict {
  @IsInt()
  n!: number;
}

@Controller('/dto')
class DtoController {
  @Post('/items', { status: 201 })
  create(@Body() item: ItemIn) {
    return { isInstance: item instanceof ItemIn, item };
  }

  @Post('/whitelist')
  whitelist(@Body({ whitelist: true }) body: Strict) {
    return body;
  }

  @Post('/forbid')
  forbid(@Body({ forbidUnknown: true }) body: Strict) {
    return body;
  }

  @Post('/embed')
  embed(@Body('name') name: string, @Body('count') count: number) {
    return { name, count };
  }

  @Post('/many')
  many(@Body({ type: [Strict] }) items: Strict[]) {
    return { count: items.length };
  }
}

@Module({ controllers: [DtoController] })
class DtoModule {}

const client = async () => new TestClient(await bootstrap(DtoModule));

test('a valid DTO body becomes a class instance and the route status applies', async () => {
  const res = await (await client()).post('/dto/items', { json: { name: 'pen', price: 1.5, tags: [{ label: 'x' }] } });
  assert.equal(res.status, 201);
  assert.deepEqual(res.json(), { isInstance: true, item: { name: 'pen', price: 1.5, tags: [{ label: 'x' }] } });
});

test('DTO failures come back in FastAPI shape with body locations, nested and in arrays', async () => {
  const res = await (await client()).post('/dto/items', { json: { price: -1, keywords: ['a', 'b', 3], tags: [{ label: 'ok' }, { label: 5 }] } });
  assert.equal(res.status, 422);
  const detail = res.json<{ detail: { type: string; loc: (string | number)[]; input: unknown }[] }>().detail;
  const byLoc = new Map(detail.map((d) => [JSON.stringify(d.loc), d]));
  assert.equal(byLoc.get('["body","name"]')?.type, 'missing');
  assert.equal(byLoc.get('["body","price"]')?.type, 'greater_than_equal');
  assert.equal(byLoc.get('["body","price"]')?.input, -1);
  assert.equal(byLoc.get('["body","keywords"]')?.type, 'string_type');
  assert.equal(byLoc.get('["body","tags",1,"label"]')?.type, 'string_type');
  assert.equal(byLoc.get('["body","tags",1,"label"]')?.input, 5);
  assert.equal(detail.length, 4);
});

test('whitelist strips unknown properties; forbidUnknown rejects them', async () => {
  const c = await client();
  assert.deepEqual((await c.post('/dto/whitelist', { json: { n: 1, extra: true } })).json(), { n: 1 });
  const res = await c.post('/dto/forbid', { json: { n: 1, extra: true } });
  assert.equal(res.status, 422);
  assert.deepEqual(res.json(), { detail: [{ type: 'extra_forbidden', loc: ['body', 'extra'], msg: 'Extra inputs are not permitted', input: true }] });
});

test('@Body(name) reads one key and checks its primitive type', async () => {
  const c = await client();
  assert.deepEqual((await c.post('/dto/embed', { json: { name: 'a', count: 2 } })).json(), { name: 'a', count: 2 });
  const res = await c.post('/dto/embed', { json: { name: 1 } });
  assert.equal(res.status, 422);
  assert.deepEqual(res.json<{ detail: { loc: string[]; type: string }[] }>().detail.map((d) => [d.type, d.loc.join('.')]), [
    ['string_type', 'body.name'],
    ['missing', 'body.count'],
  ]);
});

test('a list of DTOs is validated item by item', async () => {
  const c = await client();
  assert.deepEqual((await c.post('/dto/many', { json: [{ n: 1 }, { n: 2 }] })).json(), { count: 2 });
  const res = await c.post('/dto/many', { json: [{ n: 1 }, { n: 'x' }] });
  assert.equal(res.status, 422);
  assert.deepEqual(res.json<{ detail: { loc: unknown[] }[] }>().detail[0].loc, ['body', 1, 'n']);
  const notList = await c.post('/dto/many', { json: { n: 1 } });
  assert.equal(notList.json<{ detail: { type: string }[] }>().detail[0].type, 'list_type');
});

test('a non-object body for a DTO is a 422, not a 500', async () => {
  const res = await (await client()).post('/dto/items', { json: 'just a string' });
  assert.equal(res.status, 422);
  assert.equal(res.json<{ detail: { type: string }[] }>().detail[0].type, 'model_attributes_type');
});

test('malformed JSON is a 422 json_invalid with the parse position', async () => {
  const res = await (await client()).post('/dto/items', { body: '{"name": "pen",}', headers: { 'content-type': 'application/json' } });
  assert.equal(res.status, 422);
  const [detail] = res.json<{ detail: { type: string; loc: (string | number)[]; msg: string }[] }>().detail;
  assert.equal(detail.type, 'json_invalid');
  assert.equal(detail.msg, 'JSON decode error');
  assert.deepEqual(detail.loc, ['body', 15]);
});

test('an empty body for a required DTO is a 422 missing', async () => {
  const res = await (await client()).post('/dto/items', { headers: { 'content-type': 'application/json' } });
  assert.equal(res.status, 422);
  assert.deepEqual(res.json(), { detail: [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }] });
});

test('a body that is not sent as JSON is a 422: a model finds no fields in its text', async () => {
  const res = await (await client()).post('/dto/items', { body: 'name=pen', headers: { 'content-type': 'text/plain' } });
  assert.equal(res.status, 422);
  assert.deepEqual(res.json(), {
    detail: [{ type: 'model_attributes_type', loc: ['body'], msg: 'Input should be a valid dictionary or object to extract fields from', input: 'name=pen' }],
  });
});

test('a body over the app bodyLimit is a 413', async () => {
  const app = createApp({ bodyLimit: 100 });
  app.post('/echo', async (req) => (await req.json()) as object);
  const res = await new TestClient(app).post('/echo', { json: { s: 'x'.repeat(200) } });
  assert.equal(res.status, 413);
  assert.match(res.json<{ detail: string }>().detail, /too large/);
});
