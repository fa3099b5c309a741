// Mirrors FastAPI's "Testing Events: lifespan and startup - shutdown"
// (docs/en/docs/advanced/testing-events.md). FastAPI runs the lifespan inside `with TestClient(app)`;
// with Zigmund's TestClient nothing starts by itself: the test calls `await app.startup()` and
// `await app.close()` around its requests (see the test beside this sample).
import 'reflect-metadata';
import { Controller, Get, Module, Param, bootstrap } from 'zigmund';

export const items: Record<string, { name: string }> = {};

@Controller()
class ItemsController {
  @Get('/items/:item_id')
  readItems(@Param('item_id') itemId: string) {
    return items[itemId];
  }
}

@Module({ controllers: [ItemsController] })
class AppModule {}

/** The page's first app: a startup hook fills the items. */
export const startupApp = await bootstrap(AppModule, {
  onStartup: () => {
    items.foo = { name: 'Fighters' };
    items.bar = { name: 'Tenders' };
  },
});

/** The page's second app: a lifespan fills the items and clears them at shutdown. */
export const lifespanApp = await bootstrap(AppModule, {
  lifespan: async function* () {
    items.foo = { name: 'Fighters' };
    items.bar = { name: 'Tenders' };
    yield;
    for (const key of Object.keys(items)) delete items[key];
  },
});
