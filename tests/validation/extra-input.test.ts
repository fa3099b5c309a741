import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IsString } from 'class-validator';
import { Controller, Form, Module, Post, Query, Get, TestClient, bootstrap } from 'zigmund';

class Login {
  @IsString()
  username!: string;
}

@Controller()
class StrictController {
  @Post('/form')
  form(@Form({ forbidUnknown: true }) data: Login) {
    return data;
  }

  @Get('/query')
  query(@Query({ forbidUnknown: true }) data: Login) {
    return data;
  }
}

@Module({ controllers: [StrictController] })
class StrictModule {}

test('an extra key sent once is reported as its value, a repeated one as the list, in forms and queries', async () => {
  const client = new TestClient(await bootstrap(StrictModule));
  const extra = (input: unknown, where: string) => ({ detail: [{ type: 'extra_forbidden', loc: [where, 'extra'], msg: 'Extra inputs are not permitted', input }] });
  assert.deepEqual((await client.post('/form', { form: { username: 'a', extra: 'x' } })).json(), extra('x', 'body'));
  assert.deepEqual((await client.post('/form', { form: { username: 'a', extra: ['x', 'y'] } })).json(), extra(['x', 'y'], 'body'));
  assert.deepEqual((await client.get('/query', { query: { username: 'a', extra: 'x' } })).json(), extra('x', 'query'));
  assert.deepEqual((await client.get('/query', { query: { username: 'a', extra: ['x', 'y'] } })).json(), extra(['x', 'y'], 'query'));
});
