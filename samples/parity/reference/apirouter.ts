// Mirrors FastAPI's reference page "APIRouter class" (docs/en/docs/reference/apirouter.md): a
// controller is a router — its prefix, tags, dependencies and middleware apply to every route; its
// methods are the routes (get, put, post, delete, options, head, patch, websocket), and modules
// include controllers (include_router). What has no counterpart: include_router(prefix=…) on top
// of the controller's own, router-level `responses`, `callbacks`, `default_response_class`,
// `route_class`, `deprecated`, `include_in_schema`, and the `trace` method.
import 'reflect-metadata';
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
  dependency,
} from 'zigmund';

const getTokenHeader = dependency([Header('x-token')], (xToken: string) => {
  if (xToken !== 'fake-super-secret-token') throw new HttpException(400, 'X-Token header invalid');
});

@Controller('/items', { tags: ['items'], dependencies: [getTokenHeader] })
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

@Module({ controllers: [ItemsController] })
class ItemsModule {}

@Module({ imports: [ItemsModule] })
class AppModule {}

export const app = await bootstrap(AppModule);
