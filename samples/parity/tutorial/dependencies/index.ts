// Mirrors FastAPI's tutorial/dependencies (docs/en/docs/tutorial/dependencies/index.md): one
// function of shared query parameters used by two routes. A plain function cannot carry
// parameter decorators, so `dependency([...], fn)` declares what it receives; the value is
// shared as a constant, FastAPI's `CommonsDep = Annotated[dict, Depends(...)]`.
import 'reflect-metadata';
import { Controller, Depends, Get, Module, Query, bootstrap, dependency } from 'zigmund';

export const commonParameters = dependency(
  [Query('q', { required: false }), Query('skip', { integer: true, default: 0 }), Query('limit', { integer: true, default: 100 })],
  async (q: string | undefined, skip: number, limit: number) => ({ q: q ?? null, skip, limit }),
);

type Commons = Awaited<ReturnType<typeof commonParameters>>;

@Controller()
export class CommonsController {
  @Get('/items/', { summary: 'Read Items' })
  readItems(@Depends(commonParameters) commons: Commons) {
    return commons;
  }

  @Get('/users/', { summary: 'Read Users' })
  readUsers(@Depends(commonParameters) commons: Commons) {
    return commons;
  }
}

@Module({ controllers: [CommonsController] })
export class CommonsModule {}

export const app = await bootstrap(CommonsModule);
