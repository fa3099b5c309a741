import 'reflect-metadata';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { IsNumber, IsOptional, IsString } from 'class-validator';
import { Body, bootstrap, Controller, Form, Module, Post, type App } from 'zigmund';

class Item {
  @IsString()
  name!: string;

  @IsOptional()
  @IsString()
  description?: string;

  @IsNumber()
  price!: number;

  @IsOptional()
  @IsNumber()
  tax?: number;
}

@Controller()
class ItemsController {
  @Post('/items')
  create(@Body() item: Item) {
    return item;
  }

  @Post('/login')
  login(@Form('username') username: string, @Form('password') password: string) {
    return { username, length: password.length };
  }
}

@Module({ controllers: [ItemsController] })
class ItemsModule {}

const DATA = '{"name": "Foo", "price": 50.5}';
const NOT_A_MODEL = {
  detail: [{ type: 'model_attributes_type', loc: ['body'], msg: 'Input should be a valid dictionary or object to extract fields from', input: DATA }],
};

async function post(url: string, body: string | Uint8Array, contentType?: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, { method: 'POST', body, headers: contentType ? { 'content-type': contentType } : {} });
  return { status: res.status, body: await res.json() };
}

async function serve(options: { strictContentType?: boolean } = {}): Promise<{ app: App; url: string }> {
  const app = await bootstrap(ItemsModule, { logStartup: false, ...options });
  return { app, url: await app.serve({ port: 0 }) };
}

describe('strict content-type checking (the default)', () => {
  let server: { app: App; url: string };
  before(async () => (server = await serve()));
  after(() => server.app.close());

  test('test_body/test_tutorial001::test_wrong_headers: text/plain and look-alike JSON types are a 422 model_attributes_type at ["body"]', async () => {
    for (const type of ['text/plain', 'application/geo+json-seq', 'application/not-really-json']) {
      assert.deepEqual(await post(`${server.url}/items`, DATA, type), { status: 422, body: NOT_A_MODEL }, type);
    }
  });

  test('test_strict_content_type_app_level::test_default_strict_rejects_no_content_type: a body without a content type is a 422', async () => {
    assert.deepEqual(await post(`${server.url}/items`, new TextEncoder().encode(DATA)), { status: 422, body: NOT_A_MODEL });
  });

  test('test_body/test_tutorial001::test_body_float: application/json and +json types are parsed', async () => {
    const expected = { status: 200, body: { name: 'Foo', price: 50.5 } };
    assert.deepEqual(await post(`${server.url}/items`, DATA, 'application/json'), expected);
    assert.deepEqual(await post(`${server.url}/items`, DATA, 'application/merge-patch+json; charset=utf-8'), expected);
  });

  test('test_request_forms/test_tutorial001::test_post_body_json: JSON to a form route reads as an empty form, each field missing', async () => {
    const res = await post(`${server.url}/login`, '{"username": "Foo", "password": "secret"}', 'application/json');
    assert.deepEqual(res, {
      status: 422,
      body: {
        detail: [
          { type: 'missing', loc: ['body', 'username'], msg: 'Field required', input: null },
          { type: 'missing', loc: ['body', 'password'], msg: 'Field required', input: null },
        ],
      },
    });
  });
});

describe('strictContentType: false', () => {
  let server: { app: App; url: string };
  before(async () => (server = await serve({ strictContentType: false })));
  after(() => server.app.close());

  test('test_strict_content_type/test_tutorial001::test_lax_post_without_content_type_is_parsed_as_json', async () => {
    assert.deepEqual(await post(`${server.url}/items`, new TextEncoder().encode(DATA)), { status: 200, body: { name: 'Foo', price: 50.5 } });
  });

  test('test_strict_content_type/test_tutorial001::test_lax_post_with_text_plain_is_still_rejected', async () => {
    assert.deepEqual(await post(`${server.url}/items`, DATA, 'text/plain'), { status: 422, body: NOT_A_MODEL });
  });
});
