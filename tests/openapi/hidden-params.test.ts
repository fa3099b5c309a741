import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Controller, Get, Header, Module, Param, Query, TestClient, bootstrap } from 'zigmund';

@Controller()
class HiddenController {
  @Get('/items/:id')
  read(
    @Param('id', { includeInSchema: false }) id: string,
    @Query('hidden_query', { includeInSchema: false, minLength: 3, required: false }) hidden?: string,
    @Header('x-hidden', { includeInSchema: false, required: false }) header?: string,
    @Query('shown', { required: false }) shown?: string,
  ) {
    return { id, hidden: hidden ?? null, header: header ?? null, shown: shown ?? null };
  }
}

@Module({ controllers: [HiddenController] })
class HiddenModule {}

test('includeInSchema: false leaves a query or header parameter out of the document; a path parameter stays', async () => {
  const app = await bootstrap(HiddenModule);
  assert.deepEqual(app.openapi().paths['/items/{id}']!.get!.parameters, [
    { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
    { name: 'shown', in: 'query', required: false, schema: { type: 'string' } },
  ]);
});

test('a parameter left out of the document is still read and validated', async () => {
  const client = new TestClient(await bootstrap(HiddenModule));
  const res = await client.get('/items/1?hidden_query=abc', { headers: { 'x-hidden': 'h' } });
  assert.deepEqual(res.json(), { id: '1', hidden: 'abc', header: 'h', shown: null });
  const short = await client.get('/items/1?hidden_query=ab');
  assert.equal(short.status, 422);
  assert.deepEqual(short.json<{ detail: { loc: unknown[] }[] }>().detail.map((d) => d.loc), [['query', 'hidden_query']]);
});
