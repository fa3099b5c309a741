import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Type } from 'class-transformer';
import { IsArray, IsEmail, IsEnum, IsInt, IsOptional, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { Validator } from '@seriousme/openapi-schema-validator';
import {
  Body, Connection, Controller, Depends, File, Form, Get, Header, Module, Param, Post, Query, WebSocket,
  bootstrap, createApp, dependency, type OpenApiDocument, type UploadedFile,
} from 'zigmund';
import { HelloModule } from '../../samples/hello/app.js';
import { ItemsModule } from '../../samples/items/app.js';
import { AppModule as DatabaseModule } from '../../samples/database/app.js';
import { AppModule as WebSocketsModule } from '../../samples/websockets/app.js';

enum Finish {
  Matte = 'matte',
  Gloss = 'gloss',
}

enum Priority {
  Low = 1,
  High = 2,
}

class Size {
  @IsInt()
  @Min(1)
  width!: number;

  // Below @Min, @IsInt must still give the type.
  @Min(1)
  @IsInt()
  height!: number;
}

@JSONSchema({ description: 'A short label shown on the gadget' })
class Label {
  @IsString()
  @MaxLength(20)
  @JSONSchema({ examples: ['fragile'] })
  text!: string;
}

class NewGadget {
  @IsString()
  @Matches(/^[a-z-]+$/)
  name!: string;

  @IsEnum(Finish)
  finish!: Finish;

  @IsEnum(Priority)
  priority!: Priority;

  @ValidateNested()
  @Type(() => Size)
  size!: Size;

  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => Label)
  labels?: Label[];

  @IsOptional()
  @IsEmail()
  owner?: string;
}

const paging = dependency([Query('limit', { integer: true, default: 20, description: 'Page size' })], (limit: number) => ({ limit }));

@Controller('/gadgets', { tags: ['gadgets'] })
class GadgetsController {
  @Get('', { summary: 'List gadgets', responseModel: [NewGadget], tags: ['listing'] })
  list(
    @Query('finish', { enum: Finish, required: false }) finish: string | undefined,
    @Query('ids', { type: [Number], integer: true, required: false }) ids: number[] | undefined,
    @Depends(paging) page: { limit: number },
  ) {
    return { finish, ids, page };
  }

  @Get('/:id', { responseModel: NewGadget, responses: { 404: { description: 'Gadget not found' } } })
  read(@Param('id', { integer: true, description: 'Gadget id' }) id: number, @Header('X-Trace', { required: false }) trace?: string) {
    return { id, trace };
  }

  @Post('', { status: 201, operationId: 'createGadget', deprecated: true, description: 'Stores a **new** gadget.' })
  create(@Body() gadget: NewGadget) {
    return gadget;
  }

  @Get('/internal', { includeInSchema: false })
  internal() {
    return 'hidden';
  }

  @Post('/:id/photo', { status: 204 })
  upload(@Param('id') id: string, @Form('caption', { required: false }) caption: string, @File('photo') photo: UploadedFile) {
    return void [id, caption, photo];
  }

  @Get('/health')
  health() {
    return { ok: true };
  }

  @WebSocket('/:id/live', { summary: 'Live gadget updates', receives: Label, sends: NewGadget, idleTimeoutMs: 5000, pingIntervalMs: 1000, subprotocols: ['v1'], allowedOrigins: ['http://localhost'] })
  live(conn: Connection, @Param('id') id: string, @Query('token') token: string) {
    return conn.close(1000, `${id}${token}`);
  }
}

@Module({ controllers: [GadgetsController] })
class GadgetsModule {}

function gadgetsApp() {
  return bootstrap(GadgetsModule, {
    title: 'Gadgets',
    version: '2.1.0',
    description: 'Gadgets *in stock*',
    servers: [{ url: 'https://api.example.test/v2', description: 'production' }],
    contact: { name: 'Gadget team', email: 'team@example.test' },
    license: { name: 'MIT', identifier: 'MIT' },
    logStartup: false,
  });
}

function operation(doc: OpenApiDocument, path: string, verb: 'get' | 'post') {
  const op = doc.paths[path]?.[verb];
  assert.ok(op, `${verb.toUpperCase()} ${path} is documented`);
  return op;
}

async function assertValidOpenApi(doc: OpenApiDocument): Promise<void> {
  const result = await new Validator().validate(doc as never);
  assert.deepEqual(result.errors, undefined);
  assert.equal(result.valid, true);
}

test('info and servers come from the app options', async () => {
  const doc = (await gadgetsApp()).openapi();
  assert.equal(doc.openapi, '3.1.0');
  assert.deepEqual(doc.info, {
    title: 'Gadgets',
    version: '2.1.0',
    description: 'Gadgets *in stock*',
    contact: { name: 'Gadget team', email: 'team@example.test' },
    license: { name: 'MIT', identifier: 'MIT' },
  });
  assert.deepEqual(doc.servers, [{ url: 'https://api.example.test/v2', description: 'production' }]);
});

test('an app without options is titled Zigmund, version 0.1.0, with no servers', () => {
  const doc = createApp({ logStartup: false }).openapi();
  assert.deepEqual(doc.info, { title: 'Zigmund', version: '0.1.0' });
  assert.equal(doc.servers, undefined);
  assert.deepEqual(doc.paths, {});
});

test('controller routes are named Controller_method and an explicit operationId is kept', async () => {
  const doc = (await gadgetsApp()).openapi();
  assert.equal(operation(doc, '/gadgets', 'get').operationId, 'GadgetsController_list');
  assert.equal(operation(doc, '/gadgets/{id}', 'get').operationId, 'GadgetsController_read');
  assert.equal(operation(doc, '/gadgets', 'post').operationId, 'createGadget');
  assert.equal(operation(doc, '/gadgets/{id}/live', 'get').operationId, 'GadgetsController_live');
});

test('summary, description, deprecated and tags (controller tags, then route tags) are carried', async () => {
  const doc = (await gadgetsApp()).openapi();
  const list = operation(doc, '/gadgets', 'get');
  assert.equal(list.summary, 'List gadgets');
  assert.deepEqual(list.tags, ['gadgets', 'listing']);
  const create = operation(doc, '/gadgets', 'post');
  assert.equal(create.description, 'Stores a **new** gadget.');
  assert.equal(create.deprecated, true);
  assert.equal(list.deprecated, undefined);
});

test('optional query parameters are not required and carry enums, list types and defaults, also from dependencies', async () => {
  const doc = (await gadgetsApp()).openapi();
  const params = operation(doc, '/gadgets', 'get').parameters ?? [];
  assert.deepEqual(params.map((p) => `${p.in}:${p.name}`), ['query:finish', 'query:ids', 'query:limit']);
  const [finish, ids, limit] = params;
  assert.equal(finish.required, false);
  assert.deepEqual(finish.schema, { type: 'string', enum: ['matte', 'gloss'] });
  assert.equal(ids.required, false);
  assert.deepEqual(ids.schema, { type: 'array', items: { type: 'integer' } });
  assert.equal(limit.required, false);
  assert.deepEqual(limit.schema, { type: 'integer', default: 20 });
  assert.equal(limit.description, 'Page size');
});

test('a query parameter without default is required, as in FastAPI', async () => {
  const doc = (await gadgetsApp()).openapi();
  const token = operation(doc, '/gadgets/{id}/live', 'get').parameters?.find((p) => p.name === 'token');
  assert.equal(token?.in, 'query');
  assert.equal(token?.required, true);
  assert.deepEqual(token?.schema, { type: 'string' });
});

test('path parameters are required with their type and description; headers are listed by name', async () => {
  const doc = (await gadgetsApp()).openapi();
  const [id, trace] = operation(doc, '/gadgets/{id}', 'get').parameters ?? [];
  assert.deepEqual(id, { name: 'id', in: 'path', required: true, schema: { type: 'integer' }, description: 'Gadget id' });
  assert.deepEqual(trace, { name: 'x-trace', in: 'header', required: false, schema: { type: 'string' } });
});

test('a DTO body is a $ref to its component; nested DTOs, enums, arrays and constraints are in the schemas', async () => {
  const doc = (await gadgetsApp()).openapi();
  const body = operation(doc, '/gadgets', 'post').requestBody;
  assert.equal(body?.required, true);
  assert.deepEqual(body?.content['application/json'].schema, { $ref: '#/components/schemas/NewGadget' });

  const gadget = doc.components.schemas.NewGadget;
  assert.equal(gadget.type, 'object');
  assert.deepEqual(gadget.required, ['name', 'finish', 'priority', 'size']);
  const props = gadget.properties!;
  assert.equal(props.name.pattern, '^[a-z-]+$');
  assert.deepEqual(props.finish, { type: 'string', enum: ['matte', 'gloss'] });
  assert.deepEqual(props.priority, { type: 'integer', enum: [1, 2] });
  assert.deepEqual(props.size, { $ref: '#/components/schemas/Size' });
  assert.deepEqual(props.labels, { type: 'array', items: { $ref: '#/components/schemas/Label' } });
  assert.equal(props.owner.format, 'email');

  assert.deepEqual(doc.components.schemas.Size.properties?.width, { type: 'integer', minimum: 1 });
  assert.deepEqual(doc.components.schemas.Size.properties?.height, { minimum: 1, type: 'integer' });
  assert.deepEqual(doc.components.schemas.Label.properties?.text, { type: 'string', maxLength: 20, examples: ['fragile'] });
});

test('@JSONSchema() from class-validator-jsonschema adds descriptions and examples to a DTO schema', async () => {
  const doc = (await gadgetsApp()).openapi();
  assert.equal(doc.components.schemas.Label.description, 'A short label shown on the gadget');
  assert.deepEqual(doc.components.schemas.Label.properties?.text.examples, ['fragile']);
});

test('responseModel [Dto] answers an array of $refs; status and extra responses are used', async () => {
  const doc = (await gadgetsApp()).openapi();
  const list = operation(doc, '/gadgets', 'get').responses;
  assert.deepEqual(list['200'].content?.['application/json'].schema, { type: 'array', items: { $ref: '#/components/schemas/NewGadget' } });
  const read = operation(doc, '/gadgets/{id}', 'get').responses;
  assert.deepEqual(read['200'].content?.['application/json'].schema, { $ref: '#/components/schemas/NewGadget' });
  assert.deepEqual(read['404'], { description: 'Gadget not found' });
  const create = operation(doc, '/gadgets', 'post').responses;
  assert.deepEqual(Object.keys(create), ['201', '422']);
  const upload = operation(doc, '/gadgets/{id}/photo', 'post').responses;
  assert.deepEqual(upload['204'], { description: 'Successful Response' });
});

test('routes that read the request declare the 422 HTTPValidationError answer; routes that read nothing do not', async () => {
  const doc = (await gadgetsApp()).openapi();
  assert.deepEqual(operation(doc, '/gadgets', 'post').responses['422'], {
    description: 'Validation Error',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/HTTPValidationError' } } },
  });
  assert.equal(operation(doc, '/gadgets/health', 'get').responses['422'], undefined);
  const { HTTPValidationError, ValidationError } = doc.components.schemas;
  assert.deepEqual(HTTPValidationError.properties?.detail.items, { $ref: '#/components/schemas/ValidationError' });
  assert.deepEqual(ValidationError.required, ['type', 'loc', 'msg']);
  assert.deepEqual(Object.keys(ValidationError.properties ?? {}), ['type', 'loc', 'msg', 'input', 'ctx']);
});

test('form fields and files make a multipart/form-data body', async () => {
  const doc = (await gadgetsApp()).openapi();
  const body = operation(doc, '/gadgets/{id}/photo', 'post').requestBody;
  assert.equal(body?.required, true);
  assert.deepEqual(body?.content['multipart/form-data'].schema, {
    type: 'object',
    properties: { caption: { type: 'string' }, photo: { type: 'string', format: 'binary' } },
    required: ['photo'],
  });
});

test('includeInSchema: false hides a route, and the documentation routes hide themselves', async () => {
  const app = await gadgetsApp();
  const doc = app.openapi();
  assert.equal(doc.paths['/gadgets/internal'], undefined);
  assert.ok(app.routes.some((r) => r.path === '/gadgets/internal'));
  for (const path of ['/openapi.json', '/asyncapi.json', '/docs', '/redoc', '/docs/oauth2-redirect']) {
    assert.ok(app.routes.some((r) => r.path === path), `${path} is served`);
    assert.equal(doc.paths[path], undefined, `${path} is not documented`);
  }
  assert.deepEqual(Object.keys(doc.paths), ['/gadgets', '/gadgets/{id}', '/gadgets/{id}/photo', '/gadgets/health', '/gadgets/{id}/live']);
});

test('a WebSocket route is a GET operation answering 101 with its configuration in x-websocket', async () => {
  const doc = (await gadgetsApp()).openapi();
  const live = operation(doc, '/gadgets/{id}/live', 'get');
  assert.equal(live.summary, 'Live gadget updates');
  assert.deepEqual(live.tags, ['gadgets']);
  assert.deepEqual(Object.keys(live.responses), ['101', '403', '422', '426']);
  assert.deepEqual(live['x-websocket'], {
    idleTimeoutMs: 5000,
    autoPong: true,
    pingIntervalMs: 1000,
    pongTimeoutMs: 10_000,
    maxMessageBytes: 1_048_576,
    maxPendingMessages: 64,
    sendTimeoutMs: 0,
    maxBufferedBytes: 4 * 1_048_576,
    subprotocols: ['v1'],
    requireSubprotocol: false,
    allowedOrigins: ['http://localhost'],
  });
  assert.deepEqual(live.parameters?.map((p) => `${p.in}:${p.name}:${p.required}`), ['path:id:true', 'query:token:true']);
});

test('function routes are named by verb and path, and repeated ids get numbered suffixes', () => {
  const app = createApp({ logStartup: false });
  app.get('/', () => 'home');
  app.get('/items/:id', () => 'item');
  app.post('/items', () => 'created', { operationId: 'make' });
  app.put('/items', () => 'replaced', { operationId: 'make' });
  app.delete('/things', () => 'gone', { operationId: 'delete_things' });
  app.get('/delete/things', () => 'clash');
  app.websocket('/ws', async (conn: Connection) => conn.close());
  const doc = app.openapi();
  assert.equal(doc.paths['/']?.get?.operationId, 'get_root');
  assert.equal(doc.paths['/items/{id}']?.get?.operationId, 'get_items_id');
  assert.equal(doc.paths['/items']?.post?.operationId, 'make');
  assert.equal(doc.paths['/items']?.put?.operationId, 'make_2');
  assert.equal(doc.paths['/things']?.delete?.operationId, 'delete_things');
  assert.equal(doc.paths['/delete/things']?.get?.operationId, 'get_delete_things');
  assert.equal(doc.paths['/ws']?.get?.operationId, 'websocket_ws');
  assert.equal(doc.paths['/items/{id}']?.get?.parameters?.[0]?.name, 'id', 'an unread path parameter is still declared');
});

test('a path parameter the handler does not read is listed before its dependencies\' parameters, as FastAPI lists path parameters first', () => {
  const app = createApp({ logStartup: false });
  const token = dependency([Query('token'), Header('x-token')], () => undefined);
  app.get('/items/:item_id', () => 'item', { dependencies: [token] });
  const params = app.openapi().paths['/items/{item_id}']?.get?.parameters?.map((p) => [p.name, p.in]);
  assert.deepEqual(params, [['item_id', 'path'], ['token', 'query'], ['x-token', 'header']]);
});

test('a WebSocket route on the path of an HTTP GET adds x-websocket to that GET', () => {
  const app = createApp({ logStartup: false });
  app.get('/feed', () => ['latest'], { summary: 'Latest entries' });
  app.websocket('/feed', async (conn: Connection) => conn.close(), { maxMessageBytes: 512 });
  const feed = app.openapi().paths['/feed']?.get;
  assert.equal(feed?.summary, 'Latest entries');
  assert.equal(feed?.['x-websocket']?.maxMessageBytes, 512);
});

test('app.openapi() is built once and built again after a route is added', () => {
  const app = createApp({ logStartup: false });
  app.get('/a', () => 'a');
  const first = app.openapi();
  assert.equal(app.openapi(), first);
  app.get('/b', () => 'b');
  const second = app.openapi();
  assert.notEqual(second, first);
  assert.deepEqual(Object.keys(second.paths), ['/a', '/b']);
});

test('the documents of the test app and of every sample validate against the OpenAPI 3.1 schema', async () => {
  const apps = [
    await gadgetsApp(),
    await bootstrap(HelloModule, { title: 'Hello', logStartup: false }),
    await bootstrap(ItemsModule, { title: 'Items', version: '1.0', logStartup: false }),
    await bootstrap(WebSocketsModule, { title: 'WebSocket Demo', version: '1.0', logStartup: false }),
    await bootstrap(DatabaseModule, { title: 'Notes', version: '1.0', logStartup: false }),
  ];
  for (const app of apps) await assertValidOpenApi(app.openapi());
});

test('the items sample documents its query defaults, path id and DTO bodies', async () => {
  const doc = (await bootstrap(ItemsModule, { logStartup: false })).openapi();
  const list = doc.paths['/items']?.get;
  assert.deepEqual(list?.parameters?.map((p) => [p.name, p.required, p.schema.default]), [
    ['offset', false, 0],
    ['limit', false, 10],
    ['tag', false, undefined],
  ]);
  assert.deepEqual(doc.paths['/items']?.post?.requestBody?.content['application/json'].schema, { $ref: '#/components/schemas/ItemIn' });
  assert.deepEqual(doc.components.schemas.ItemIn.required, ['name', 'price']);
  assert.deepEqual(Object.keys(doc.components.schemas).sort(), ['HTTPValidationError', 'ItemIn', 'ItemOut', 'ValidationError']);
});
