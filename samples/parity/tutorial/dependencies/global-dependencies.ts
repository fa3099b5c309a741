// Mirrors FastAPI's tutorial/dependencies/global-dependencies
// (docs/en/docs/tutorial/dependencies/global-dependencies.md): dependencies every route of the
// app runs, FastAPI's `FastAPI(dependencies=[...])` as the `dependencies` app option.
import 'reflect-metadata';
import { Controller, Get, Module, bootstrap } from 'zigmund';
import { verifyKey, verifyToken } from './verify-headers.js';

@Controller()
export class GuardedController {
  @Get('/items/', { summary: 'Read Items' })
  readItems() {
    return [{ item: 'Portal Gun' }, { item: 'Plumbus' }];
  }

  @Get('/users/', { summary: 'Read Users' })
  readUsers() {
    return [{ username: 'Rick' }, { username: 'Morty' }];
  }
}

@Module({ controllers: [GuardedController] })
export class GuardedModule {}

export const app = await bootstrap(GuardedModule, { dependencies: [verifyToken, verifyKey] });
