// Mirrors FastAPI's "Testing Dependencies with Overrides" (docs/en/docs/advanced/testing-dependencies.md):
// `app.dependencyOverrides` replaces a dependency for every route that uses it; the test sets and
// clears the override.
import 'reflect-metadata';
import { Controller, Depends, Get, Module, Query, bootstrap, dependency } from 'zigmund';

export const commonParameters = dependency(
  [Query('q', { required: false }), Query('skip', { default: 0, integer: true }), Query('limit', { default: 100, integer: true })],
  (q: string | undefined, skip: number, limit: number) => ({ q: q ?? null, skip, limit }),
);

@Controller()
class DemoController {
  @Get('/items/')
  readItems(@Depends(commonParameters) commons: object) {
    return { message: 'Hello Items!', params: commons };
  }

  @Get('/users/')
  readUsers(@Depends(commonParameters) commons: object) {
    return { message: 'Hello Users!', params: commons };
  }
}

@Module({ controllers: [DemoController] })
class AppModule {}

export const app = await bootstrap(AppModule);

/** The override of the page: only `q` is read; skip and limit are fixed. */
export const overrideDependency = dependency([Query('q', { required: false })], (q: string | undefined) => ({ q: q ?? null, skip: 5, limit: 10 }));
