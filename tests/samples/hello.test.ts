import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient, bootstrap } from 'zigmund';
import { HelloModule } from '../../samples/hello/app.js';

test('the hello sample says hello and greets by name', async () => {
  const client = new TestClient(await bootstrap(HelloModule));
  assert.deepEqual((await client.get('/')).json(), { message: 'Hello World' });
  assert.deepEqual((await client.get('/greet')).json(), { message: 'Hello world' });
  assert.deepEqual((await client.get('/greet', { query: { name: 'Ann' } })).json(), { message: 'Hello Ann' });
});
