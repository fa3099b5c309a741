// Mirrors FastAPI's "Bigger Applications - Multiple Files" (docs/en/docs/tutorial/bigger-applications.md):
// the app split over files in bigger-applications/ — shared dependencies, a controller per
// concern (FastAPI's APIRouter), an internal admin controller — put together by a module, with
// an app-wide dependency. `app.include_router(router)` is listing the controller in the module;
// `include_router(…, prefix, tags, dependencies, responses)` has no counterpart (the admin
// controller declares them itself), nor has including a router in another router (a module's
// imports add their controllers' routes as they are, under no extra prefix).
import 'reflect-metadata';
import { Controller, Get, Module, bootstrap } from 'zigmund';
import { getQueryToken } from './bigger-applications/dependencies.js';
import { AdminController } from './bigger-applications/internal/admin.js';
import { ItemsController } from './bigger-applications/routers/items.js';
import { UsersController } from './bigger-applications/routers/users.js';

@Controller()
class RootController {
  @Get('/', { summary: 'Root' })
  root() {
    return { message: 'Hello Bigger Applications!' };
  }
}

@Module({ controllers: [UsersController, ItemsController, AdminController, RootController] })
class AppModule {}

export const app = await bootstrap(AppModule, { dependencies: [getQueryToken] });
