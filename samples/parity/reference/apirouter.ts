// Mirrors FastAPI's reference page "APIRouter class" (docs/en/docs/reference/apirouter.md), both ways:
// - modules: a controller is a router — its prefix, tags, dependencies, middleware, responses,
//   callbacks, deprecated and includeInSchema apply to every route, its methods are the routes,
//   and modules include controllers;
// - createApp(): `createRouter(options)` is APIRouter(...), with get/put/post/delete/options/head/
//   patch/trace/websocket/frontend and includeRouter(router, { prefix, tags, dependencies,
//   responses, … }), and `app.includeRouter()` is include_router().
// What has no counterpart: router-level default_response_class, route_class, on_startup/
// on_shutdown/lifespan and generate_unique_id_function.
import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import {
  Connection,
  Controller,
  Delete,
  Get,
  Head,
  Header,
  HttpException,
  Module,
  Options,
  Param,
  Patch,
  Post,
  Put,
  Response,
  WebSocket,
  bootstrap,
  createApp,
  createRouter,
  dependency,
  type Request,
} from 'zigmund';

const getTokenHeader = dependency([Header('x-token')], (xToken: string) => {
  if (xToken !== 'fake-super-secret-token') throw new HttpException(400, 'X-Token header invalid');
});

@Controller('/items', { tags: ['items'], dependencies: [getTokenHeader], responses: { 404: { description: 'Not found' } } })
class ItemsController {
  @Get('/')
  readItems() {
    return { plumbus: { name: 'Plumbus' }, gun: { name: 'Portal Gun' } };
  }

  @Get('/:item_id')
  readItem(@Param('item_id') itemId: string) {
    return { name: 'Fake Specific Item', item_id: itemId };
  }

  @Put('/:item_id', { tags: ['custom'] })
  updateItem(@Param('item_id') itemId: string) {
    return { item_id: itemId, name: 'The great Plumbus' };
  }

  @Post('/')
  create() {
    return { created: true };
  }

  @Patch('/:item_id')
  patch(@Param('item_id') itemId: string) {
    return { patched: itemId };
  }

  @Delete('/:item_id', { status: 204 })
  remove() {}

  @Head('/')
  head() {
    return Response.text('', 200, { 'X-Items': '2' });
  }

  @Options('/')
  options() {
    return Response.text('', 204, { Allow: 'GET, POST, HEAD, OPTIONS' });
  }

  @WebSocket('/ws')
  async live(conn: Connection) {
    await conn.sendText('items live');
  }
}

@Controller('/legacy', { deprecated: true })
class LegacyController {
  @Get('/items')
  items() {
    return [];
  }
}

@Controller('/internal', { includeInSchema: false })
class InternalController {
  @Get('/health')
  health() {
    return { ok: true };
  }
}

@Module({ controllers: [ItemsController, LegacyController, InternalController] })
class ItemsModule {}

@Module({ imports: [ItemsModule] })
class AppModule {}

export const app = await bootstrap(AppModule);

// The same router without classes, included with a prefix, tags and responses of the inclusion.
const items = createRouter({ prefix: '/items', tags: ['items'], dependencies: [getTokenHeader], responses: { 404: { description: 'Not found' } } });
items.get('/', () => ({ plumbus: { name: 'Plumbus' }, gun: { name: 'Portal Gun' } }));
items.get('/:item_id', (req: Request) => ({ name: 'Fake Specific Item', item_id: req.params.item_id }));
items.put('/:item_id', (req: Request) => ({ item_id: req.params.item_id, name: 'The great Plumbus' }), { tags: ['custom'] });
items.trace('/', () => ({ traced: true }));
items.websocket('/ws', async (conn: Connection) => conn.sendText('items live'));

// A built frontend served by a router, as `router.frontend("/", directory="dist")`.
const ui = createRouter({ prefix: '/ui' });
ui.frontend('/', { directory: fileURLToPath(new URL('../../../../samples/parity/reference/files/frontend', import.meta.url)) });

const v1 = createRouter({ prefix: '/v1', tags: ['v1'] });
v1.includeRouter(items);
v1.includeRouter(ui);

export const routerApp = createApp();
routerApp.includeRouter(v1, { prefix: '/api', responses: { 418: { description: "I'm a teapot" } } });
