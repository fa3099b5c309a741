import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient, createApp, type App, type Request } from 'zigmund';

test('app.state holds values for the app\'s lifetime, reached from handlers through req.app', async () => {
  const app = createApp();
  app.state.greeting = 'hello';
  app.get('/count', (req: Request) => {
    const state = (req.app as App).state as { greeting: string; hits?: number };
    state.hits = (state.hits ?? 0) + 1;
    return { greeting: state.greeting, hits: state.hits };
  });
  const client = new TestClient(app);
  assert.deepEqual((await client.get('/count')).json(), { greeting: 'hello', hits: 1 });
  assert.deepEqual((await client.get('/count')).json(), { greeting: 'hello', hits: 2 });
  assert.equal(app.state.hits, 2);
});

test('each app has its own state', () => {
  const a = createApp();
  const b = createApp();
  a.state.x = 1;
  assert.deepEqual(b.state, {});
});
