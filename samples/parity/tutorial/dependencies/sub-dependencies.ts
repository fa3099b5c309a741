// Mirrors FastAPI's tutorial/dependencies/sub-dependencies
// (docs/en/docs/tutorial/dependencies/sub-dependencies.md): a dependency that depends on
// another, and on a cookie; each is computed once per request.
import 'reflect-metadata';
import { Controller, Cookie, Depends, Get, Module, Query, bootstrap, dependency } from 'zigmund';

export const queryExtractor = dependency([Query('q', { required: false })], (q?: string) => q);

export const queryOrCookieExtractor = dependency(
  [Depends(queryExtractor), Cookie('last_query', { required: false })],
  (q: string | undefined, lastQuery?: string) => (q ? q : lastQuery),
);

@Controller()
export class SubDependenciesController {
  @Get('/items/', { summary: 'Read Query' })
  readQuery(@Depends(queryOrCookieExtractor) queryOrDefault?: string) {
    return { q_or_cookie: queryOrDefault ?? null };
  }
}

@Module({ controllers: [SubDependenciesController] })
export class SubDependenciesModule {}

export const app = await bootstrap(SubDependenciesModule);
