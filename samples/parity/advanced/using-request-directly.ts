// Mirrors FastAPI's "Using the Request Directly" (docs/en/docs/advanced/using-request-directly.md):
// a parameter typed `Request` gets the request beside the validated path parameter. FastAPI's
// `request.client.host` is `req.ip`.
import 'reflect-metadata';
import { Controller, Get, Module, Param, Request, bootstrap } from 'zigmund';

@Controller()
class ItemsController {
  @Get('/items/:item_id')
  readRoot(@Param('item_id') itemId: string, request: Request) {
    const clientHost = request.ip;
    return { client_host: clientHost, item_id: itemId };
  }
}

@Module({ controllers: [ItemsController] })
class AppModule {}

export const app = await bootstrap(AppModule);
