// Mirrors FastAPI's reference page "Request Parameters" (docs/en/docs/reference/parameters.md):
// Query(), Path(), Body(), Cookie(), Header(), Form(), File() are the decorators @Query, @Param,
// @Body, @Cookie, @Header, @Form, @File, with their shared options: default, gt/ge/lt/le,
// min_length/max_length, pattern, alias, title, description, deprecated, example, examples,
// openapi_examples (`openapiExamples`) and include_in_schema (`includeInSchema`). The routes
// after the first two are those of FastAPI's tests/test_tutorial/test_query_params_str_validations/
// test_tutorial010.py, tests/test_openapi_examples.py and tests/test_param_include_in_schema.py.
// What differs: Header's `convert_underscores` has no counterpart (a header is named as sent), and
// a path parameter stays documented under `includeInSchema: false`, as OpenAPI requires.
import 'reflect-metadata';
import { IsString } from 'class-validator';
import { Body, Controller, Cookie, File, Form, Get, Header, Module, Param, Post, Put, Query, bootstrap, type UploadedFile } from 'zigmund';

export class Item {
  @IsString()
  name!: string;
}

export class ExampleItem {
  @IsString()
  data!: string;
}

const items = { items: [{ item_id: 'Foo' }, { item_id: 'Bar' }] };

@Controller()
class ParamsController {
  @Put('/items/:item_id')
  update(
    @Param('item_id', { integer: true, ge: 1, description: 'The ID of the item' }) itemId: number,
    @Query('q', { minLength: 3, maxLength: 50, pattern: '^fixed', required: false, deprecated: true }) q: string | undefined,
    @Query('size', { gt: 0, le: 10.5, default: 1 }) size: number,
    @Header('user-agent', { required: false }) userAgent: string | undefined,
    @Cookie('ads_id', { required: false }) adsId: string | undefined,
    @Body({ examples: [{ name: 'Foo' }] }) item: Item,
  ) {
    return { item_id: itemId, q: q ?? null, size, user_agent: userAgent ?? null, ads_id: adsId ?? null, item };
  }

  @Post('/files/')
  upload(@Form('token') token: string, @File('file') file: UploadedFile) {
    return { token, file_size: file.size };
  }

  @Get('/items/')
  readItems(
    @Query('q', {
      alias: 'item-query',
      title: 'Query string',
      description: 'Query string for the items to search in the database that have a good match',
      minLength: 3,
      maxLength: 50,
      pattern: '^fixedquery$',
      deprecated: true,
      required: false,
    })
    q: string | undefined,
  ) {
    return q ? { ...items, q } : items;
  }

  @Post('/examples/')
  examples(
    @Body({
      examples: [{ data: 'Data in Body examples, example1' }],
      openapiExamples: {
        'Example One': {
          summary: 'Example One Summary',
          description: 'Example One Description',
          value: { data: 'Data in Body examples, example1' },
        },
        'Example Two': { value: { data: 'Data in Body examples, example2' } },
      },
    })
    item: ExampleItem,
  ) {
    return item;
  }

  @Get('/path_examples/:item_id')
  pathExamples(
    @Param('item_id', {
      examples: ['json_schema_item_1', 'json_schema_item_2'],
      openapiExamples: {
        'Path One': { summary: 'Path One Summary', description: 'Path One Description', value: 'item_1' },
        'Path Two': { value: 'item_2' },
      },
    })
    itemId: string,
  ) {
    return itemId;
  }

  @Get('/query_examples/')
  queryExamples(
    @Query('data', {
      required: false,
      examples: ['json_schema_query1', 'json_schema_query2'],
      openapiExamples: {
        'Query One': { summary: 'Query One Summary', description: 'Query One Description', value: 'query1' },
        'Query Two': { value: 'query2' },
      },
    })
    data: string | undefined,
  ) {
    return data ?? null;
  }

  @Get('/header_examples/')
  headerExamples(
    @Header('data', {
      required: false,
      examples: ['json_schema_header1', 'json_schema_header2'],
      openapiExamples: {
        'Header One': { summary: 'Header One Summary', description: 'Header One Description', value: 'header1' },
        'Header Two': { value: 'header2' },
      },
    })
    data: string | undefined,
  ) {
    return data ?? null;
  }

  @Get('/cookie_examples/')
  cookieExamples(
    @Cookie('data', {
      required: false,
      examples: ['json_schema_cookie1', 'json_schema_cookie2'],
      openapiExamples: {
        'Cookie One': { summary: 'Cookie One Summary', description: 'Cookie One Description', value: 'cookie1' },
        'Cookie Two': { value: 'cookie2' },
      },
    })
    data: string | undefined,
  ) {
    return data ?? null;
  }

  @Get('/hidden_cookie')
  hiddenCookie(@Cookie('hidden_cookie', { required: false, includeInSchema: false }) hidden: string | undefined) {
    return { hidden_cookie: hidden ?? null };
  }

  @Get('/hidden_header')
  hiddenHeader(@Header('hidden-header', { required: false, includeInSchema: false }) hidden: string | undefined) {
    return { hidden_header: hidden ?? null };
  }

  @Get('/hidden_path/:hidden_path')
  hiddenPath(@Param('hidden_path', { includeInSchema: false }) hidden: string) {
    return { hidden_path: hidden };
  }

  @Get('/hidden_query')
  hiddenQuery(@Query('hidden_query', { required: false, includeInSchema: false }) hidden: string | undefined) {
    return { hidden_query: hidden ?? null };
  }
}

@Module({ controllers: [ParamsController] })
class AppModule {}

export const app = await bootstrap(AppModule);
