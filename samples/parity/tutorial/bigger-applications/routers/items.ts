// The items controller (the page's app/routers/items.py): the prefix, tags, dependencies and
// extra responses shared by all its routes are the controller's options, FastAPI's
// `APIRouter(prefix=…, tags=…, dependencies=…, responses=…)`.
import 'reflect-metadata';
import { Controller, Get, HttpException, Param, Put } from 'zigmund';
import { getTokenHeader } from '../dependencies.js';

const fakeItemsDb: Record<string, { name: string }> = { plumbus: { name: 'Plumbus' }, gun: { name: 'Portal Gun' } };

@Controller('/items', { tags: ['items'], dependencies: [getTokenHeader], responses: { 404: { description: 'Not found' } } })
export class ItemsController {
  @Get('/', { summary: 'Read Items' })
  readItems() {
    return fakeItemsDb;
  }

  @Get('/:item_id', { summary: 'Read Item' })
  readItem(@Param('item_id') itemId: string) {
    if (!Object.hasOwn(fakeItemsDb, itemId)) throw new HttpException(404, 'Item not found');
    return { name: fakeItemsDb[itemId]!.name, item_id: itemId };
  }

  @Put('/:item_id', { tags: ['custom'], responses: { 403: { description: 'Operation forbidden' } }, summary: 'Update Item' })
  updateItem(@Param('item_id') itemId: string) {
    if (itemId !== 'plumbus') throw new HttpException(403, 'You can only update the item: plumbus');
    return { item_id: itemId, name: 'The great Plumbus' };
  }
}
