// Mirrors FastAPI's tutorial/dependencies/classes-as-dependencies
// (docs/en/docs/tutorial/dependencies/classes-as-dependencies.md): a class as the dependency,
// its constructor's parameters read from the request. `@Depends(CommonQueryParams)` is
// FastAPI's `Depends(CommonQueryParams)`; `@Depends()` with the parameter's type is its
// `Depends()` shortcut.
import 'reflect-metadata';
import { Controller, Depends, Get, Module, Query, bootstrap } from 'zigmund';

const fakeItemsDb = [{ item_name: 'Foo' }, { item_name: 'Bar' }, { item_name: 'Baz' }];

export class CommonQueryParams {
  constructor(
    @Query('q', { required: false }) readonly q: string | undefined,
    @Query('skip', { integer: true }) readonly skip: number = 0,
    @Query('limit', { integer: true }) readonly limit: number = 100,
  ) {}
}

function page(commons: CommonQueryParams) {
  return { ...(commons.q && { q: commons.q }), items: fakeItemsDb.slice(commons.skip, commons.skip + commons.limit) };
}

@Controller()
export class ClassDependencyController {
  @Get('/items/', { summary: 'Read Items' })
  readItems(@Depends(CommonQueryParams) commons: CommonQueryParams) {
    return page(commons);
  }

  @Get('/shortcut/', { summary: 'Read Items' })
  readShortcut(@Depends() commons: CommonQueryParams) {
    return page(commons);
  }
}

@Module({ controllers: [ClassDependencyController] })
export class ClassDependencyModule {}

export const app = await bootstrap(ClassDependencyModule);
