// Mirrors FastAPI's tutorial/path-params-numeric-validations
// (docs/en/docs/tutorial/path-params-numeric-validations.md): ge/gt/le/lt on path and query
// numbers. The page's `*` and parameter-order tricks are Python's: decorators name each
// parameter's source, so any order works.
// The page's examples all use /items/{item_id}; the earlier ones get their own paths here.
import 'reflect-metadata';
import { Controller, Get, Module, Param, Query, bootstrap } from 'zigmund';

const itemId = (constraints: { ge?: number; gt?: number; le?: number } = {}) =>
  Param('item_id', { integer: true, title: 'The ID of the item to get', ...constraints });

@Controller()
export class NumericValidationsController {
  @Get('/items/:item_id', { summary: 'Read Items' })
  readItems(
    @itemId({ ge: 0, le: 1000 }) id: number,
    @Query('q') q: string,
    @Query('size', { gt: 0, lt: 10.5 }) size: number,
  ) {
    return { item_id: id, ...(q && { q }), ...(size && { size }) };
  }

  @Get('/aliased/:item_id', { summary: 'Read Items' })
  readAliased(@itemId() id: number, @Query('q', { alias: 'item-query', required: false }) q?: string) {
    return { item_id: id, ...(q && { q }) };
  }

  @Get('/at-least-one/:item_id', { summary: 'Read Items' })
  readAtLeastOne(@Query('q') q: string, @itemId({ ge: 1 }) id: number) {
    return { item_id: id, ...(q && { q }) };
  }

  @Get('/up-to-a-thousand/:item_id', { summary: 'Read Items' })
  readUpToAThousand(@itemId({ gt: 0, le: 1000 }) id: number, @Query('q') q: string) {
    return { item_id: id, ...(q && { q }) };
  }
}

@Module({ controllers: [NumericValidationsController] })
export class NumericValidationsModule {}

export const app = await bootstrap(NumericValidationsModule);
