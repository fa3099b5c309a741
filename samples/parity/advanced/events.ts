// Mirrors FastAPI's "Lifespan Events" (docs/en/docs/advanced/events.md): the `lifespan` app option
// is FastAPI's lifespan (code before `yield` at startup, after it at shutdown); `onStartup` and
// `onShutdown` are the deprecated `@app.on_event("startup" | "shutdown")` hooks.
import { appendFileSync } from 'node:fs';
import 'reflect-metadata';
import { Controller, Get, Module, Param, Query, bootstrap, createApp } from 'zigmund';

// Lifespan: load the "model" at startup, clear it at shutdown.
const fakeAnswerToEverythingMlModel = (x: number) => x * 42;
export const mlModels = new Map<string, (x: number) => number>();

@Controller()
class PredictController {
  @Get('/predict')
  predict(@Query('x') x: number) {
    const result = mlModels.get('answer_to_everything')!(x);
    return { result };
  }
}

@Module({ controllers: [PredictController] })
class PredictModule {}

export const lifespanApp = await bootstrap(PredictModule, {
  lifespan: async function* () {
    mlModels.set('answer_to_everything', fakeAnswerToEverythingMlModel);
    yield;
    mlModels.clear();
  },
});

// startup event: fill the items.
export const items: Record<string, { name: string }> = {};

@Controller()
class ItemsController {
  @Get('/items/:item_id')
  readItems(@Param('item_id') itemId: string) {
    return items[itemId];
  }
}

@Module({ controllers: [ItemsController] })
class ItemsModule {}

export const startupApp = await bootstrap(ItemsModule, {
  onStartup: () => {
    items.foo = { name: 'Fighters' };
    items.bar = { name: 'Tenders' };
  },
});

// shutdown event: write to a log file.
export const logFile = { path: 'log.txt' };
export const shutdownApp = createApp({
  onShutdown: () => appendFileSync(logFile.path, 'Application shutdown'),
});
shutdownApp.get('/items/', () => [{ name: 'Foo' }]);
