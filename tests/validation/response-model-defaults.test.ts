import 'reflect-metadata';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Type } from 'class-transformer';
import { IsArray, IsNumber, IsOptional, IsString, ValidateNested } from 'class-validator';
import { Body, bootstrap, Controller, createApp, Get, Module, Param, Post, type App } from 'zigmund';
import { compileModelFilter, type ResponseModelOptions } from '../../src/validation/response-model.js';
import { compileResponseSerializer } from '../../src/validation/response-serializer.js';

// FastAPI's response_model tutorial 001: Optional fields default to None, tags to [].
class Item {
  @IsString()
  name!: string;

  @IsOptional()
  @IsString()
  description: string | null = null;

  @IsNumber()
  price!: number;

  @IsOptional()
  @IsNumber()
  tax: number | null = null;

  @IsArray()
  @IsString({ each: true })
  tags: string[] = [];
}

// Tutorials 004–006: tax defaults to 10.5.
class TaxedItem {
  @IsString()
  name!: string;

  @IsOptional()
  @IsString()
  description: string | null = null;

  @IsNumber()
  price!: number;

  @IsNumber()
  tax = 10.5;

  @IsArray()
  @IsString({ each: true })
  tags: string[] = [];
}

class Seller {
  @IsString()
  name!: string;

  @IsOptional()
  @IsString()
  email: string | null = null;

  // Read once at bootstrap, so an initialiser that changes per instance is never frozen into answers.
  @IsOptional()
  @IsString()
  since: Date = new Date();
}

class Listing {
  @IsString()
  title!: string;

  @ValidateNested()
  @Type(() => Seller)
  seller!: Seller;
}

const stored: Record<string, object> = {
  foo: { name: 'Foo', price: 50.2 },
  bar: { name: 'Bar', description: 'The bartenders', price: 62, tax: 20.2 },
  baz: { name: 'Baz', description: null, price: 50.2, tax: 10.5, tags: [] },
};

const stored56: Record<string, object> = {
  foo: { name: 'Foo', price: 50.2 },
  bar: { name: 'Bar', description: 'The Bar fighters', price: 62, tax: 20.2 },
};

@Controller()
class ItemsController {
  @Post('/items/', { responseModel: Item })
  create(@Body() item: Item) {
    return item;
  }

  @Get('/items/', { responseModel: [Item] })
  list() {
    return [
      { name: 'Portal Gun', price: 42.0 },
      { name: 'Plumbus', price: 32.0 },
    ];
  }

  @Get('/unset/:itemId', { responseModel: TaxedItem, responseModelExcludeUnset: true })
  unset(@Param('itemId') itemId: string) {
    return stored[itemId];
  }

  @Get('/items/:itemId/name', { responseModel: TaxedItem, responseModelInclude: ['name', 'description'] })
  name(@Param('itemId') itemId: string) {
    return stored56[itemId];
  }

  @Get('/items/:itemId/public', { responseModel: TaxedItem, responseModelExclude: ['tax'] })
  publicData(@Param('itemId') itemId: string) {
    return stored56[itemId];
  }

  @Get('/no-none/:itemId', { responseModel: TaxedItem, responseModelExcludeNone: true })
  noNone(@Param('itemId') itemId: string) {
    return stored[itemId];
  }

  @Get('/listing', { responseModel: Listing })
  listing() {
    return { title: 'Lamp', seller: { name: 'ann' } };
  }

  @Get('/listing/no-none', { responseModel: Listing, responseModelExcludeNone: true })
  listingNoNone() {
    return { title: 'Lamp', seller: { name: 'ann', email: null } };
  }
}

@Module({ controllers: [ItemsController] })
class ItemsModule {}

describe('responseModel defaults and shaping options', () => {
  let app: App;
  let url: string;
  before(async () => {
    app = await bootstrap(ItemsModule, { logStartup: false });
    url = await app.serve({ port: 0 });
  });
  after(() => app.close());

  const get = async (path: string) => {
    const res = await fetch(`${url}${path}`);
    return { status: res.status, body: await res.json() };
  };

  test('test_response_model/test_tutorial001_tutorial001_01::test_read_items: GET /items/ fills description, tax and tags', async () => {
    assert.deepEqual(await get('/items/'), {
      status: 200,
      body: [
        { name: 'Portal Gun', description: null, price: 42.0, tax: null, tags: [] },
        { name: 'Plumbus', description: null, price: 32.0, tax: null, tags: [] },
      ],
    });
  });

  test('test_response_model/test_tutorial001_tutorial001_01::test_create_item: POST /items/ answers the item it was sent', async () => {
    const item = { name: 'Test Item', description: 'A test item', price: 10.5, tax: 1.5, tags: ['test', 'item'] };
    const res = await fetch(`${url}/items/`, { method: 'POST', body: JSON.stringify(item), headers: { 'content-type': 'application/json' } });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), item);
  });

  test('test_response_model/test_tutorial004::test_get: responseModelExcludeUnset writes only what the value sets', async () => {
    assert.deepEqual(await get('/unset/foo'), { status: 200, body: { name: 'Foo', price: 50.2 } });
    assert.deepEqual(await get('/unset/bar'), { status: 200, body: { name: 'Bar', description: 'The bartenders', price: 62, tax: 20.2 } });
    assert.deepEqual(await get('/unset/baz'), { status: 200, body: { name: 'Baz', description: null, price: 50.2, tax: 10.5, tags: [] } });
  });

  test('test_response_model/test_tutorial005::test_read_item_name (and 006): responseModelInclude', async () => {
    assert.deepEqual(await get('/items/bar/name'), { status: 200, body: { name: 'Bar', description: 'The Bar fighters' } });
  });

  test('test_response_model/test_tutorial005::test_read_item_public_data (and 006): responseModelExclude, defaults still filled', async () => {
    assert.deepEqual(await get('/items/bar/public'), { status: 200, body: { name: 'Bar', description: 'The Bar fighters', price: 62, tags: [] } });
    assert.deepEqual(await get('/items/foo/public'), { status: 200, body: { name: 'Foo', description: null, price: 50.2, tags: [] } });
  });

  test('responseModelExcludeNone leaves out null fields, returned or initialised', async () => {
    assert.deepEqual(await get('/no-none/baz'), { status: 200, body: { name: 'Baz', price: 50.2, tax: 10.5, tags: [] } });
    assert.deepEqual(await get('/no-none/foo'), { status: 200, body: { name: 'Foo', price: 50.2, tax: 10.5, tags: [] } });
  });

  test('nested models are filled too; an initialiser that is not a JSON constant (new Date()) is not', async () => {
    assert.deepEqual(await get('/listing'), { status: 200, body: { title: 'Lamp', seller: { name: 'ann', email: null } } });
    assert.deepEqual(await get('/listing/no-none'), { status: 200, body: { title: 'Lamp', seller: { name: 'ann' } } });
  });
});

describe('responseModel options at bootstrap', () => {
  test('a shaping option without a responseModel is refused, naming the route', () => {
    const app = createApp({ logStartup: false });
    assert.throws(() => app.get('/x', () => ({}), { responseModelExcludeNone: true }), /GET \/x: responseModelExcludeNone needs a responseModel/);
  });

  test('include or exclude naming a field the model lacks is refused', () => {
    const app = createApp({ logStartup: false });
    assert.throws(() => app.get('/x', () => ({}), { responseModel: TaxedItem, responseModelInclude: ['nope'] }), /GET \/x: response model TaxedItem has no field "nope"/);
  });
});

test('the fallback filter writes what the compiled serializer writes, under every option', () => {
  const value = { name: 'Baz', description: null, price: 50.2, extra: 'kept out' };
  const cases: ResponseModelOptions[] = [{}, { excludeUnset: true }, { excludeNone: true }, { include: ['name', 'tax'] }, { exclude: ['tags'] }];
  for (const options of cases) {
    const filter = compileModelFilter(TaxedItem, options);
    assert.equal(compileResponseSerializer(TaxedItem, options)(value), JSON.stringify(filter(value)), JSON.stringify(options));
    assert.equal(compileResponseSerializer([TaxedItem], options)([value]), JSON.stringify(compileModelFilter([TaxedItem], options)([value])));
  }
});
