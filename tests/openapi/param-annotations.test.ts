import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IsString } from 'class-validator';
import { Body, Controller, Cookie, Form, Get, Header, Module, Param, Post, Query, TestClient, bootstrap } from 'zigmund';

class Note {
  @IsString()
  text!: string;
}

@Controller()
class AliasController {
  @Get('/users/:user_id')
  read(
    @Param('userId', { alias: 'user_id', integer: true, title: 'User' }) userId: number,
    @Header('xToken', { alias: 'X-Token', required: false }) token: string | undefined,
    @Cookie('session', { alias: 'session-id', required: false }) session: string | undefined,
  ) {
    return { userId, token: token ?? null, session: session ?? null };
  }

  @Post('/notes')
  create(
    @Body({ alias: 'note', title: 'The note', deprecated: true }) note: Note,
    @Body('priority', { title: 'Priority', examples: [1, 2] }) priority: number,
  ) {
    return { note, priority };
  }

  @Post('/whole')
  whole(@Body({ title: 'A note', openapiExamples: { short: { summary: 'Short', value: { text: 'hi' } } } }) note: Note) {
    return note;
  }

  @Post('/form')
  form(@Form('name', { title: 'Name', examples: ['ada'] }) name: string) {
    return { name };
  }

  @Get('/single')
  single(@Query('q', { required: false, example: 'one', openapiExamples: { a: { value: 'a' } } }) q: string | undefined) {
    return { q: q ?? null };
  }
}

@Module({ controllers: [AliasController] })
class AliasModule {}

test('alias is the name read from the path, a header and a cookie, and the name errors give', async () => {
  const client = new TestClient(await bootstrap(AliasModule));
  const res = await client.get('/users/7', { headers: { 'x-token': 't' }, cookies: { 'session-id': 's' } });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), { userId: 7, token: 't', session: 's' });
  const bad = await client.get('/users/x');
  assert.equal(bad.status, 422);
  assert.deepEqual(bad.json<{ detail: { loc: unknown[] }[] }>().detail.map((d) => d.loc), [['path', 'user_id']]);
});

test('alias on @Body() reads that key of the body, as @Body(key) does', async () => {
  const client = new TestClient(await bootstrap(AliasModule));
  const res = await client.post('/notes', { json: { note: { text: 'hi' }, priority: 2 } });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), { note: { text: 'hi' }, priority: 2 });
  const missing = await client.post('/notes', { json: { text: 'hi', priority: 2 } });
  assert.equal(missing.status, 422);
  assert.deepEqual(missing.json<{ detail: { loc: unknown[] }[] }>().detail.map((d) => d.loc), [['body', 'note']]);
});

test('the document names aliased parameters by their alias and writes title into the schema', async () => {
  const doc = (await bootstrap(AliasModule)).openapi();
  assert.deepEqual(doc.paths['/users/{user_id}']!.get!.parameters, [
    { name: 'user_id', in: 'path', required: true, schema: { type: 'integer', title: 'User' } },
    { name: 'x-token', in: 'header', required: false, schema: { type: 'string' } },
    { name: 'session-id', in: 'cookie', required: false, schema: { type: 'string' } },
  ]);
});

test('title, deprecated and examples of body keys and form fields go into their schemas', async () => {
  const doc = (await bootstrap(AliasModule)).openapi();
  assert.deepEqual(doc.paths['/notes']!.post!.requestBody!.content['application/json']!.schema, {
    type: 'object',
    properties: {
      note: { $ref: '#/components/schemas/Note', title: 'The note', deprecated: true },
      priority: { type: 'number', title: 'Priority', examples: [1, 2] },
    },
    required: ['note', 'priority'],
  });
  assert.deepEqual(doc.paths['/form']!.post!.requestBody!.content['application/x-www-form-urlencoded']!.schema, {
    type: 'object',
    properties: { name: { type: 'string', title: 'Name', examples: ['ada'] } },
    required: ['name'],
  });
});

test('openapiExamples of a whole body go into its media type, beside the schema', async () => {
  const doc = (await bootstrap(AliasModule)).openapi();
  assert.deepEqual(doc.paths['/whole']!.post!.requestBody!.content['application/json'], {
    schema: { $ref: '#/components/schemas/Note', title: 'A note' },
    examples: { short: { summary: 'Short', value: { text: 'hi' } } },
  });
});

test('openapiExamples win over example on a parameter, as in FastAPI', async () => {
  const [param] = (await bootstrap(AliasModule)).openapi().paths['/single']!.get!.parameters!;
  assert.deepEqual(param!.examples, { a: { value: 'a' } });
  assert.equal('example' in param!, false);
});
