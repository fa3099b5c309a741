import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  Body, BootstrapError, Connection, Controller, Depends, Get, Header, Inject, Injectable, Module, Query, TestClient, WebSocket, bootstrap, createApp,
  dependency,
} from 'zigmund';

@Injectable()
class Database {
  query(sql: string): string[] {
    return [`real: ${sql}`];
  }
}

const currentUser = dependency([Header('authorization')], (auth: string) => ({ name: auth.replace('Bearer ', '') }));

@Controller()
class NotesController {
  @Get('/notes')
  notes(db: Database, @Depends(currentUser) user: { name: string }) {
    return { user: user.name, rows: db.query('select notes') };
  }

  @WebSocket('/live')
  async live(conn: Connection, db: Database) {
    const msg = await conn.receive();
    await conn.sendJson(db.query(msg.text()));
  }
}

@Module({ controllers: [NotesController], providers: [Database] })
class NotesModule {}

class FakeDatabase {
  query(sql: string): string[] {
    return [`fake: ${sql}`];
  }
}

test('an override replaces a database provider in a WebSocket route', async () => {
  const app = await bootstrap(NotesModule);
  const client = new TestClient(app);
  app.dependencyOverrides.set(Database, new FakeDatabase());
  const conn = await client.websocketConnect('/live');
  await conn.sendText('select 1');
  assert.deepEqual((await conn.receive()).json(), ['fake: select 1']);
  await conn.close();

  app.dependencyOverrides.clear();
  const real = await client.websocketConnect('/live');
  await real.sendText('select 1');
  assert.deepEqual((await real.receive()).json(), ['real: select 1']);
  await real.close();
});

test('overrides replace a provider and a dependency in HTTP routes, without running the original sub-dependencies', async () => {
  const app = await bootstrap(NotesModule);
  const client = new TestClient(app);
  assert.equal((await client.get('/notes')).status, 422, 'the real currentUser needs the header');

  app.dependencyOverrides.set(Database, new FakeDatabase());
  app.dependencyOverrides.set(currentUser, () => ({ name: 'test-user' }));
  const res = await client.get('/notes');
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { user: 'test-user', rows: ['fake: select notes'] });
});

test('an override may be a generator with its own injected parameters, and is torn down after the response', async () => {
  const events: string[] = [];
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const app = await bootstrap(NotesModule);
  app.dependencyOverrides.set(currentUser, dependency([Query('as')], function* (as: string) {
    events.push(`login ${as}`);
    yield { name: as };
    events.push(`logout ${as}`);
    done();
  }));
  const res = await new TestClient(app).get('/notes', { query: { as: 'ann' } });
  assert.equal(res.json<{ user: string }>().user, 'ann');
  await finished;
  assert.deepEqual(events, ['login ann', 'logout ann']);
});

test('an async override of a sync dependency is awaited', async () => {
  const app = await bootstrap(NotesModule);
  app.dependencyOverrides.set(currentUser, async () => ({ name: 'async-user' }));
  const res = await new TestClient(app).get('/notes', { headers: { authorization: 'Bearer x' } });
  assert.equal(res.json<{ user: string }>().user, 'async-user');
});

test('a provider registered under a token is overridden by that token', async () => {
  @Controller()
  class ClockController {
    @Get('/now')
    now(@Inject('NOW') now: () => string) {
      return now();
    }
  }
  @Module({ controllers: [ClockController], providers: [{ provide: 'NOW', useValue: () => 'real time' }] })
  class ClockModule {}
  const app = await bootstrap(ClockModule);
  app.dependencyOverrides.set('NOW', () => () => 'frozen time');
  assert.equal((await new TestClient(app).get('/now')).json(), 'frozen time');
});

test('set() compiles an override at once: one it cannot inject is refused there, naming the route, and the map is left as it was', async () => {
  class NotProvided {}
  const app = await bootstrap(NotesModule);
  const client = new TestClient(app);
  const unresolvable = dependency([NotProvided], (dep: NotProvided) => ({ name: String(dep) }));
  assert.throws(
    () => app.dependencyOverrides.set(currentUser, unresolvable),
    (err: unknown) => err instanceof BootstrapError && /^NotesController\.notes \(override of .*\) -> .*: cannot inject a parameter of type NotProvided/.test(err.message),
  );
  assert.equal(app.dependencyOverrides.has(currentUser), false);
  const res = await client.get('/notes', { headers: { authorization: 'Bearer ann' } });
  assert.deepEqual(res.json(), { user: 'ann', rows: ['real: select notes'] }, 'the real dependency still answers');
});

test('an override cannot add a body to a route that reads none', async () => {
  const app = await bootstrap(NotesModule);
  assert.throws(
    () => app.dependencyOverrides.set(currentUser, dependency([Body()], (body: unknown) => ({ name: String(body) }))),
    (err: unknown) => err instanceof BootstrapError && /an override cannot read a JSON body the route does not read/.test(err.message),
  );
  assert.equal(app.dependencyOverrides.size, 0);
});

test('delete() puts the real dependency back, and an override set before a route is added applies to it', async () => {
  const app = await bootstrap(NotesModule);
  const client = new TestClient(app);
  app.dependencyOverrides.set(currentUser, () => ({ name: 'fake' }));
  assert.equal((await client.get('/notes')).json<{ user: string }>().user, 'fake');
  app.dependencyOverrides.delete(currentUser);
  assert.equal((await client.get('/notes')).status, 422, 'the real currentUser needs the header again');

  const later = createApp();
  later.dependencyOverrides.set(currentUser, () => ({ name: 'early' }));
  const seen: string[] = [];
  const recordUser = dependency([Depends(currentUser)], (user: { name: string }) => void seen.push(user.name));
  later.get('/who', () => ({ ok: true }), { dependencies: [recordUser] });
  assert.equal((await new TestClient(later).get('/who')).status, 200);
  assert.deepEqual(seen, ['early']);
});
