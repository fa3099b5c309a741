// Mirrors FastAPI's tutorial/testing (docs/en/docs/tutorial/testing.md): apps tested with
// `TestClient` from 'zigmund/testing' (Starlette's TestClient over HTTPX), in process, no port.
// pytest's `def test_…` functions are node:test's `test(…)` in the test beside this sample; the
// client's calls return promises, so the tests are `async` and `await` them.
import 'reflect-metadata';
import { IsOptional, IsString } from 'class-validator';
import { Body, Connection, Controller, Get, Header, HttpException, Module, Param, Post, bootstrap, createApp } from 'zigmund';

/** The page's first app, and its WebSocket route (tutorial002). */
export const app = createApp();
app.get('/', () => ({ msg: 'Hello World' }), { summary: 'Read Main' });
app.websocket('/ws', async (conn: Connection) => {
  await conn.sendJson({ msg: 'Hello WebSocket' });
  await conn.close();
});

/** The lifespan example (tutorial004): the items exist while the app runs. */
export const items: Record<string, { name: string }> = {};
export const lifespanApp = createApp({
  lifespan: async function* () {
    items.foo = { name: 'Fighters' };
    items.bar = { name: 'Tenders' };
    yield;
    for (const key of Object.keys(items)) delete items[key];
  },
});
lifespanApp.get('/items/:item_id', (req) => items[req.params.item_id!], { summary: 'Read Items' });

// The extended example (app_b): two routes needing an X-Token header.
const fakeSecretToken = 'coneofsilence';
const fakeDb: Record<string, Item> = {
  foo: { id: 'foo', title: 'Foo', description: 'There goes my hero' },
  bar: { id: 'bar', title: 'Bar', description: 'The bartenders' },
};

export class Item {
  @IsString()
  id!: string;

  @IsString()
  title!: string;

  @IsOptional()
  @IsString()
  description: string | null = null;
}

@Controller('/items')
class ItemsController {
  @Get('/:item_id', { summary: 'Read Main', responseModel: Item })
  readMain(@Param('item_id') itemId: string, @Header('x-token') xToken: string) {
    if (xToken !== fakeSecretToken) throw new HttpException(400, 'Invalid X-Token header');
    const item = fakeDb[itemId];
    if (item === undefined) throw new HttpException(404, 'Item not found');
    return item;
  }

  @Post('/', { summary: 'Create Item', responseModel: Item })
  createItem(@Body() item: Item, @Header('x-token') xToken: string) {
    if (xToken !== fakeSecretToken) throw new HttpException(400, 'Invalid X-Token header');
    if (item.id in fakeDb) throw new HttpException(409, 'Item already exists');
    fakeDb[item.id] = item;
    return item;
  }
}

@Module({ controllers: [ItemsController] })
class ExtendedModule {}

export const extendedApp = await bootstrap(ExtendedModule);
