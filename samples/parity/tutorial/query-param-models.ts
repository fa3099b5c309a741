// Mirrors FastAPI's tutorial/query-param-models (docs/en/docs/tutorial/query-param-models.md):
// a class of query parameters, with defaults and constraints, then with extra keys forbidden.
// Pydantic's model is a class-validator class; `Literal[...]` is `@IsIn([...])`.
import 'reflect-metadata';
import { IsIn, IsInt, IsString, Max, Min } from 'class-validator';
import { Controller, Get, Module, Query, bootstrap } from 'zigmund';

export class FilterParams {
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 100;

  @IsInt()
  @Min(0)
  offset: number = 0;

  @IsIn(['created_at', 'updated_at'])
  order_by: 'created_at' | 'updated_at' = 'created_at';

  @IsString({ each: true })
  tags: string[] = [];
}

@Controller()
export class QueryModelController {
  @Get('/items/', { summary: 'Read Items' })
  readItems(@Query() filterQuery: FilterParams) {
    return filterQuery;
  }

  // FastAPI's `model_config = {"extra": "forbid"}`.
  @Get('/strict-items/', { summary: 'Read Items' })
  readStrictItems(@Query({ forbidUnknown: true }) filterQuery: FilterParams) {
    return filterQuery;
  }
}

@Module({ controllers: [QueryModelController] })
export class QueryModelModule {}

export const app = await bootstrap(QueryModelModule);
