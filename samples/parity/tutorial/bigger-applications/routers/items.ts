// The items router (the page's app/routers/items.py): the prefix, tags, dependencies and extra
// responses shared by all its routes are the router's options, as `APIRouter(prefix=…, …)`.
import { HttpException, createRouter, type Request } from 'zigmund';
import { getTokenHeader } from '../dependencies.js';

export const router = createRouter({
  prefix: '/items',
  tags: ['items'],
  dependencies: [getTokenHeader],
  responses: { 404: { description: 'Not found' } },
});

const fakeItemsDb: Record<string, { name: string }> = { plumbus: { name: 'Plumbus' }, gun: { name: 'Portal Gun' } };

router.get('/', async () => fakeItemsDb, { summary: 'Read Items' });

router.get('/:item_id', async (req: Request) => {
  const itemId = req.params.item_id!;
  if (!Object.hasOwn(fakeItemsDb, itemId)) throw new HttpException(404, 'Item not found');
  return { name: fakeItemsDb[itemId]!.name, item_id: itemId };
}, { summary: 'Read Item' });

router.put('/:item_id', async (req: Request) => {
  const itemId = req.params.item_id!;
  if (itemId !== 'plumbus') throw new HttpException(403, 'You can only update the item: plumbus');
  return { item_id: itemId, name: 'The great Plumbus' };
}, { tags: ['custom'], responses: { 403: { description: 'Operation forbidden' } }, summary: 'Update Item' });
