import 'reflect-metadata';
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { Validator } from '@seriousme/openapi-schema-validator';
import { IsArray, IsNumber, IsOptional, IsString, IsUrl } from 'class-validator';
import { Body, Controller, Get, Module, Post, bootstrap, type AppOptions, type OpenApiDocument } from 'zigmund';

class Item {
  @IsString()
  name!: string;

  @IsOptional()
  @IsString()
  description?: string;

  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  tags: string[] = [];
}

class Invoice {
  @IsString()
  id!: string;

  @IsNumber()
  total!: number;

  @IsUrl({ require_tld: false })
  callbackUrl!: string;
}

class InvoiceEvent {
  @IsString()
  description!: string;

  @IsString()
  paid!: string;
}

class Subscription {
  @IsString()
  username!: string;
}

@Controller('/items', { tags: ['items'] })
class ItemsController {
  @Post('', { responseModel: Item, responseDescription: 'The item as stored', name: 'createItem' })
  create(@Body({ examples: [{ name: 'Foo', tags: ['a'] }] }) item: Item) {
    return item;
  }

  @Get('', { responseModel: [Item], openapiExtra: { 'x-aperture-labs-portal': 'blue', responses: { '200': { headers: { 'x-total': { schema: { type: 'integer' } } } } } } })
  list() {
    return [];
  }

  @Get('/hidden', { includeInSchema: false })
  hidden() {
    return {};
  }
}

@Controller('/invoices', { tags: ['invoices'] })
class InvoicesController {
  @Post('', {
    callbacks: {
      invoiceNotification: {
        '{$request.body#/callbackUrl}/invoices/{$request.body#/id}': {
          post: { summary: 'Invoice paid', body: InvoiceEvent, responseModel: Subscription, responseDescription: 'Acknowledged' },
        },
      },
    },
  })
  create(@Body() invoice: Invoice) {
    return { id: invoice.id };
  }
}

@Module({ controllers: [ItemsController, InvoicesController] })
class ShopModule {}

const options: AppOptions = {
  title: 'Shop',
  summary: 'Sells things',
  termsOfService: 'https://shop.example/terms',
  openapiTags: [
    { name: 'items', description: 'Things for sale, **with markdown**' },
    { name: 'invoices', description: 'Money', externalDocs: { url: 'https://shop.example/docs', description: 'More' } },
  ],
  webhooks: { newSubscription: { post: { summary: 'A user subscribed', body: Subscription } } },
  generateOperationId: (route) => `${route.methodName ?? route.method.toLowerCase()}_${route.tags[0] ?? 'root'}`,
  logStartup: false,
  handleSignals: false,
};

async function documentOf(extra: Partial<AppOptions> = {}): Promise<OpenApiDocument> {
  const app = await bootstrap(ShopModule, { ...options, ...extra });
  after(() => app.close());
  return app.openapi();
}

async function assertValid(doc: OpenApiDocument): Promise<void> {
  const result = await new Validator().validate(doc as never);
  assert.deepEqual(result.errors, undefined);
  assert.equal(result.valid, true);
}

test('summary, termsOfService and tag descriptions come from the app options; the document stays valid OpenAPI 3.1', async () => {
  const doc = await documentOf();
  assert.equal(doc.info.summary, 'Sells things');
  assert.equal(doc.info.termsOfService, 'https://shop.example/terms');
  assert.deepEqual(doc.tags, options.openapiTags);
  await assertValid(doc);
});

test('webhooks are documented from their classes', async () => {
  const doc = await documentOf();
  const hook = doc.webhooks!.newSubscription.post!;
  assert.equal(hook.summary, 'A user subscribed');
  assert.deepEqual(hook.requestBody!.content['application/json'].schema, { $ref: '#/components/schemas/Subscription' });
  assert.ok(doc.components.schemas.Subscription);
});

test('callbacks are documented on their route, under their URL expression', async () => {
  const doc = await documentOf();
  const callback = doc.paths['/invoices'].post!.callbacks!.invoiceNotification['{$request.body#/callbackUrl}/invoices/{$request.body#/id}'].post!;
  assert.equal(callback.summary, 'Invoice paid');
  assert.deepEqual(callback.requestBody!.content['application/json'].schema, { $ref: '#/components/schemas/InvoiceEvent' });
  assert.equal(callback.responses['200'].description, 'Acknowledged');
  assert.ok(doc.components.schemas.InvoiceEvent);
});

test('generateOperationId derives every id', async () => {
  const doc = await documentOf();
  assert.equal(doc.paths['/items'].post!.operationId, 'create_items');
  assert.equal(doc.paths['/items'].get!.operationId, 'list_items');
  assert.equal(doc.paths['/invoices'].post!.operationId, 'create_invoices');
});

test('responseDescription, openapiExtra (merged deeply) and includeInSchema shape the operation', async () => {
  const doc = await documentOf();
  assert.equal(doc.paths['/items'].post!.responses['200'].description, 'The item as stored');
  const list = doc.paths['/items'].get!;
  assert.equal(list['x-aperture-labs-portal'], 'blue');
  assert.equal(list.responses['200'].description, 'Successful Response');
  assert.deepEqual((list.responses['200'] as unknown as { headers: unknown }).headers, { 'x-total': { schema: { type: 'integer' } } });
  assert.ok(list.responses['200'].content);
  assert.equal(doc.paths['/items/hidden'], undefined);
});

test('body examples are shown beside the schema', async () => {
  const doc = await documentOf();
  const schema = doc.paths['/items'].post!.requestBody!.content['application/json'].schema;
  assert.deepEqual(schema.examples, [{ name: 'Foo', tags: ['a'] }]);
});

test('a class both read and answered gets Input and Output schemas when its initialised fields differ', async () => {
  const doc = await documentOf();
  assert.deepEqual(doc.paths['/items'].post!.requestBody!.content['application/json'].schema.$ref, '#/components/schemas/Item-Input');
  assert.deepEqual(doc.paths['/items'].post!.responses['200'].content!['application/json'].schema, { $ref: '#/components/schemas/Item-Output' });
  assert.deepEqual(doc.paths['/items'].get!.responses['200'].content!['application/json'].schema, { type: 'array', items: { $ref: '#/components/schemas/Item-Output' } });
  assert.deepEqual(doc.components.schemas['Item-Input'].required, ['name']);
  assert.deepEqual(doc.components.schemas['Item-Output'].required, ['name', 'tags']);
  assert.equal(doc.components.schemas.Item, undefined);
  // A class only read, or only answered, keeps its plain name.
  assert.ok(doc.components.schemas.Invoice);
  await assertValid(doc);
});

test('separateInputOutputSchemas: false documents one schema, the input one', async () => {
  const doc = await documentOf({ separateInputOutputSchemas: false });
  assert.deepEqual(doc.components.schemas.Item.required, ['name']);
  assert.equal(doc.components.schemas['Item-Input'], undefined);
  assert.deepEqual(doc.paths['/items'].post!.responses['200'].content!['application/json'].schema, { $ref: '#/components/schemas/Item' });
});
