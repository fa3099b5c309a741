// Mirrors FastAPI's tutorial/dependencies/dependencies-in-path-operation-decorators
// (docs/en/docs/tutorial/dependencies/dependencies-in-path-operation-decorators.md):
// dependencies run for their effect, listed in the route's `dependencies`.
import 'reflect-metadata';
import { Controller, Get, Module, bootstrap } from 'zigmund';
import { verifyKey, verifyToken } from './verify-headers.js';

@Controller()
export class VerifiedItemsController {
  @Get('/items/', { dependencies: [verifyToken, verifyKey], summary: 'Read Items' })
  readItems() {
    return [{ item: 'Foo' }, { item: 'Bar' }];
  }
}

@Module({ controllers: [VerifiedItemsController] })
export class VerifiedItemsModule {}

export const app = await bootstrap(VerifiedItemsModule);
