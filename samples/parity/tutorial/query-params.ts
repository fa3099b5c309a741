// Mirrors FastAPI's tutorial/query-params (docs/en/docs/tutorial/query-params.md): query
// parameters with defaults, optional ones, booleans, several path and query parameters
// together, and required query parameters. The page's examples reuse /items/{item_id} with
// different parameters, so the required-parameter example is a second app, `needyApp`.
import 'reflect-metadata';
import { Controller, Get, Module, Param, Query, bootstrap } from 'zigmund';

const fakeItemsDb = [{ item_name: 'Foo' }, { item_name: 'Bar' }, { item_name: 'Baz' }];

const longDescription = { description: 'This is an amazing item that has a long description' };

@Controller()
export class QueryParamsController {
  @Get('/items/', { summary: 'Read Item' })
  listItems(@Query('skip', { integer: true }) skip: number = 0, @Query('limit', { integer: true }) limit: number = 10) {
    return fakeItemsDb.slice(skip, skip + limit);
  }

  @Get('/items/:item_id', { summary: 'Read Item' })
  readItem(
    @Param('item_id') itemId: string,
    @Query('q', { required: false }) q?: string,
    @Query('short') short: boolean = false,
  ) {
    return { item_id: itemId, ...(q && { q }), ...(!short && longDescription) };
  }

  @Get('/users/:user_id/items/:item_id', { summary: 'Read User Item' })
  readUserItem(
    @Param('user_id', { integer: true }) userId: number,
    @Param('item_id') itemId: string,
    @Query('q', { required: false }) q?: string,
    @Query('short') short: boolean = false,
  ) {
    return { item_id: itemId, owner_id: userId, ...(q && { q }), ...(!short && longDescription) };
  }
}

@Module({ controllers: [QueryParamsController] })
export class QueryParamsModule {}

export const app = await bootstrap(QueryParamsModule);

@Controller()
export class NeedyController {
  @Get('/items/:item_id', { summary: 'Read User Item' })
  readUserItem(
    @Param('item_id') itemId: string,
    @Query('needy') needy: string,
    @Query('skip', { integer: true }) skip: number = 0,
    @Query('limit', { integer: true, required: false }) limit?: number,
  ) {
    return { item_id: itemId, needy, skip, limit: limit ?? null };
  }
}

@Module({ controllers: [NeedyController] })
export class NeedyModule {}

export const needyApp = await bootstrap(NeedyModule);
