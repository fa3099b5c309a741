// Mirrors FastAPI's tutorial/query-params-str-validations
// (docs/en/docs/tutorial/query-params-str-validations.md): length and pattern constraints,
// defaults, required parameters, lists of repeated keys, a title, an alias (the name on the
// wire, the handler's own name being another), deprecation, a parameter hidden from the docs,
// and a custom validator. The page's examples all use /items/; here
// each gets its own path. Pydantic's `AfterValidator` is a function dependency that throws a
// RequestValidationError in FastAPI's `value_error` shape.
import 'reflect-metadata';
import { Controller, Depends, Get, Module, Query, RequestValidationError, bootstrap, dependency } from 'zigmund';

const items = { items: [{ item_id: 'Foo' }, { item_id: 'Bar' }] };

const withQuery = (q: string | undefined) => (q ? { ...items, q } : items);

const data: Record<string, string> = {
  'isbn-9781529046137': "The Hitchhiker's Guide to the Galaxy",
  'imdb-tt0371724': "The Hitchhiker's Guide to the Galaxy",
  'isbn-9781439512982': 'Isaac Asimov: The Complete Stories, Vol. 2',
};

/** Pydantic's AfterValidator(check_valid_id): runs on the parsed value, 422 value_error when it throws. */
export const validId = dependency([Query('id', { required: false })], (id?: string) => {
  if (id !== undefined && !id.startsWith('isbn-') && !id.startsWith('imdb-')) {
    const msg = 'Value error, Invalid ID format, it must start with "isbn-" or "imdb-"';
    throw new RequestValidationError([{ type: 'value_error', loc: ['query', 'id'], msg, input: id, ctx: { error: {} } }]);
  }
  return id;
});

@Controller()
export class StrValidationsController {
  // The page's last form of /items/: alias, title, description, length, pattern and deprecation together.
  @Get('/items/', { summary: 'Read Items' })
  readItems(
    @Query('q', {
      alias: 'item-query',
      required: false,
      title: 'Query string',
      description: 'Query string for the items to search in the database that have a good match',
      minLength: 3,
      maxLength: 50,
      pattern: '^fixedquery$',
      deprecated: true,
    })
    q?: string,
  ) {
    return withQuery(q);
  }

  @Get('/title/', { summary: 'Read Items' })
  readTitle(
    @Query('q', {
      required: false,
      title: 'Query string',
      description: 'Query string for the items to search in the database that have a good match',
      minLength: 3,
    })
    q?: string,
  ) {
    return withQuery(q);
  }

  @Get('/alias/', { summary: 'Read Items' })
  readAlias(@Query('q', { alias: 'item-query', required: false }) q?: string) {
    return withQuery(q);
  }

  @Get('/max-length/', { summary: 'Read Items' })
  readMaxLength(@Query('q', { required: false, maxLength: 50 }) q?: string) {
    return withQuery(q);
  }

  @Get('/length/', { summary: 'Read Items' })
  readLength(@Query('q', { required: false, minLength: 3, maxLength: 50 }) q?: string) {
    return withQuery(q);
  }

  @Get('/pattern/', { summary: 'Read Items' })
  readPattern(@Query('q', { required: false, minLength: 3, maxLength: 50, pattern: '^fixedquery$' }) q?: string) {
    return withQuery(q);
  }

  @Get('/default/', { summary: 'Read Items' })
  readDefault(@Query('q', { minLength: 3 }) q: string = 'fixedquery') {
    return withQuery(q);
  }

  @Get('/required/', { summary: 'Read Items' })
  readRequired(@Query('q', { minLength: 3 }) q: string) {
    return withQuery(q);
  }

  @Get('/list/', { summary: 'Read Items' })
  readList(@Query('q', { type: [String], required: false }) q?: string[]) {
    return { q: q ?? null };
  }

  @Get('/list-default/', { summary: 'Read Items' })
  readListDefault(@Query('q', { type: [String] }) q: string[] = ['foo', 'bar']) {
    return { q };
  }

  @Get('/hidden', { summary: 'Read Items' })
  readHidden(@Query('hidden_query', { required: false, includeInSchema: false }) hiddenQuery?: string) {
    return { hidden_query: hiddenQuery ?? 'Not found' };
  }

  @Get('/books', { summary: 'Read Items' })
  readBook(@Depends(validId) id?: string) {
    if (id !== undefined) return { id, name: data[id] ?? null };
    const ids = Object.keys(data);
    const random = ids[Math.floor(Math.random() * ids.length)]!;
    return { id: random, name: data[random] };
  }
}

@Module({ controllers: [StrValidationsController] })
export class StrValidationsModule {}

export const app = await bootstrap(StrValidationsModule);
