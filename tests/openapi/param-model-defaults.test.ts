import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IsInt, IsOptional, IsString, Max } from 'class-validator';
import { Controller, Get, Module, Query, bootstrap } from 'zigmund';

class Page {
  @IsInt()
  @Max(100)
  limit: number = 100;

  @IsString({ each: true })
  tags: string[] = [];

  @IsOptional()
  @IsString()
  cursor: string | null = null;

  @IsString()
  q!: string;
}

@Controller()
class PageController {
  @Get('/items')
  list(@Query() page: Page) {
    return page;
  }
}

@Module({ controllers: [PageController] })
class PageModule {}

test('a parameter model field the class initialises is optional in the document, with its value as default', async () => {
  const app = await bootstrap(PageModule);
  assert.deepEqual(app.openapi().paths['/items']!.get!.parameters, [
    { name: 'limit', in: 'query', required: false, schema: { maximum: 100, type: 'integer', default: 100 } },
    { name: 'tags', in: 'query', required: false, schema: { items: { type: 'string' }, type: 'array', default: [] } },
    { name: 'cursor', in: 'query', required: false, schema: { type: 'string', default: null } },
    { name: 'q', in: 'query', required: true, schema: { type: 'string' } },
  ]);
});
