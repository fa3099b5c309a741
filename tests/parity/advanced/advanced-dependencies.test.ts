import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { waitFor } from '../../support/wait-for.js';
import { Session, app } from '../../../samples/parity/advanced/advanced-dependencies.js';

const client = new TestClient(app);

test('advanced/advanced-dependencies: a parameterized instance as a dependency', async () => {
  for (const [query, expected] of [[undefined, false], ['qwerty', false], ['foobar', true]] as const) {
    const res = await client.get('/query-checker/', query === undefined ? {} : { query: { q: query } });
    assert.equal(res.status, 200);
    assert.deepEqual(res.json(), { fixed_content_in_query: expected });
  }
});

test('advanced/advanced-dependencies: the instance\'s query parameter is documented', () => {
  const op = app.openapi().paths['/query-checker/']!.get!;
  assert.deepEqual(op.parameters, [{ name: 'q', in: 'query', required: false, schema: { type: 'string', default: '' } }]);
});

test('advanced/advanced-dependencies: a refused user gets 403 before anything streams', async () => {
  const res = await client.get('/generate', { query: { user_id: 2, query: 'abc' } });
  assert.equal(res.status, 403);
  assert.deepEqual(res.json(), { detail: 'Not authorized' });
});

test('advanced/advanced-dependencies: the session of a yield dependency stays open until the stream is sent', async () => {
  Session.log.length = 0;
  const res = await client.get('/generate', { query: { user_id: 1, query: 'abc' } });
  assert.equal(res.status, 200);
  assert.equal(res.text, 'abc');
  await waitFor(() => Session.log.includes('close'), 'the session teardown');
  assert.deepEqual(Session.log, ['open', 'sent a', 'sent b', 'sent c', 'close']);
});

test('advanced/advanced-dependencies: a dependency may release its session early, before the stream', async () => {
  Session.log.length = 0;
  const res = await client.get('/generate-early', { query: { user_id: 1, query: 'abc' } });
  assert.equal(res.status, 200);
  assert.equal(res.text, 'abc');
  assert.deepEqual(Session.log, ['open', 'close', 'sent a', 'sent b', 'sent c']);
});
