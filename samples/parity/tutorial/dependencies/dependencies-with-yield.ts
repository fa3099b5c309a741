// Mirrors FastAPI's tutorial/dependencies/dependencies-with-yield
// (docs/en/docs/tutorial/dependencies/dependencies-with-yield.md): generator dependencies whose
// code after `yield` is the teardown, chained, seeing the handler's exception. Python's
// `try/except/finally` around `yield` is the same in a JavaScript generator.
import 'reflect-metadata';
import { Controller, Depends, Get, HttpException, Module, Param, bootstrap, dependency } from 'zigmund';

/** What the teardowns did, for the page's "the session is closed" claims; a test reads it. */
export const events: string[] = [];

class DbSession {
  close() {
    events.push('db closed');
  }
}

export const getDb = dependency([], function* () {
  const db = new DbSession();
  try {
    yield db;
  } finally {
    db.close();
  }
});

const data: Record<string, { description: string; owner: string }> = {
  plumbus: { description: 'Freshly pickled plumbus', owner: 'Morty' },
  'portal-gun': { description: 'Gun to create portals', owner: 'Rick' },
};

export class OwnerError extends Error {}

export class InternalError extends Error {}

export const getUsername = dependency([], function* () {
  try {
    yield 'Rick';
  } catch (err) {
    if (err instanceof OwnerError) throw new HttpException(400, `Owner error: ${err.message}`);
    if (err instanceof InternalError) events.push("We don't swallow the internal error here, we raise again");
    throw err;
  } finally {
    events.push('username teardown');
  }
});

@Controller()
export class YieldController {
  @Get('/items/:item_id', { summary: 'Get Item' })
  getItem(@Param('item_id') itemId: string, @Depends(getUsername) username: string) {
    const item = data[itemId];
    if (!item) throw new HttpException(404, 'Item not found');
    if (item.owner !== username) throw new OwnerError(username);
    return item;
  }

  @Get('/plumbus/:item_id', { summary: 'Get Item' })
  getPlumbus(@Param('item_id') itemId: string, @Depends(getUsername) username: string) {
    if (itemId === 'portal-gun') throw new InternalError(`The portal gun is too dangerous to be owned by ${username}`);
    if (itemId !== 'plumbus') throw new HttpException(404, "Item not found, there's only a plumbus here");
    return itemId;
  }

  @Get('/db', { summary: 'Read Db' })
  readDb(@Depends(getDb) db: DbSession) {
    return { session: db instanceof DbSession };
  }
}

@Module({ controllers: [YieldController] })
export class YieldModule {}

export const app = await bootstrap(YieldModule);
