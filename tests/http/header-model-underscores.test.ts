import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IsBoolean, IsOptional, IsString } from 'class-validator';
import { BootstrapError, Controller, Get, Header, Module, Query, bootstrap } from 'zigmund';
import { TestClient } from 'zigmund/testing';

class Headers {
  @IsBoolean()
  save_data!: boolean;

  @IsOptional()
  @IsString()
  traceId: string | null = null;
}

@Controller()
class HeadersController {
  @Get('/literal')
  literal(@Header({ convertUnderscores: false }) headers: Headers) {
    return headers;
  }

  @Get('/dashed')
  dashed(@Header() headers: Headers) {
    return headers;
  }
}

@Module({ controllers: [HeadersController] })
class HeadersModule {}

const app = await bootstrap(HeadersModule);
const client = new TestClient(app);

test('convertUnderscores: false reads each field from the header named as the field', async () => {
  const res = await client.get('/literal', { headers: { save_data: 'true', traceid: 'abc' } });
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { save_data: true, traceId: 'abc' });
  const dashed = await client.get('/literal', { headers: { 'save-data': 'true' } });
  assert.equal(dashed.status, 422);
  assert.deepEqual(dashed.json(), { detail: [{ type: 'missing', loc: ['header', 'save_data'], msg: 'Field required', input: null }] });
});

test('by default the fields are read from the dashed headers', async () => {
  const res = await client.get('/dashed', { headers: { 'save-data': 'true', 'trace-id': 'abc' } });
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { save_data: true, traceId: 'abc' });
  assert.equal((await client.get('/dashed', { headers: { save_data: 'true' } })).status, 422);
});

test('the OpenAPI document names the headers as they are read', () => {
  const names = (path: string) => app.openapi().paths[path]!.get!.parameters!.map((p) => p.name);
  assert.deepEqual(names('/literal'), ['save_data', 'traceid']);
  assert.deepEqual(names('/dashed'), ['save-data', 'trace-id']);
});

test('convertUnderscores on a model of another source is a BootstrapError', async () => {
  @Controller()
  class QueryController {
    @Get('/q')
    q(@Query({ convertUnderscores: false }) query: Headers) {
      return query;
    }
  }
  @Module({ controllers: [QueryController] })
  class QueryModule {}
  await assert.rejects(bootstrap(QueryModule), (err: unknown) => err instanceof BootstrapError && /convertUnderscores applies to @Header\(\) models only/.test(err.message));
});
