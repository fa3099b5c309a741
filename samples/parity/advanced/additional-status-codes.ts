// Mirrors FastAPI's "Additional Status Codes" (docs/en/docs/advanced/additional-status-codes.md):
// a route that answers 200 for an update and, by returning a Response directly, 201 for a create.
import 'reflect-metadata';
import { Body, Controller, Module, Param, Put, Response, bootstrap, status } from 'zigmund';

interface Item {
  name: string | null;
  size: number | null;
}

const items: Record<string, Item> = { foo: { name: 'Fighters', size: 6 }, bar: { name: 'Tenders', size: 3 } };

@Controller()
class ItemsController {
  @Put('/items/:item_id')
  upsertItem(
    @Param('item_id') itemId: string,
    @Body('name') name: string | null = null,
    @Body('size') size: number | null = null,
  ) {
    const item = items[itemId];
    if (item) {
      item.name = name;
      item.size = size;
      return item;
    }
    const created = { name, size };
    items[itemId] = created;
    return Response.json(created, status.HTTP_201_CREATED);
  }
}

@Module({ controllers: [ItemsController] })
class AppModule {}

export const app = await bootstrap(AppModule);
