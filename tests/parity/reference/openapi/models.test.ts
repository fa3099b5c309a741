import { test } from 'node:test';
import assert from 'node:assert/strict';
import { app, operations } from '../../../../samples/parity/reference/openapi/models.js';

test('reference/openapi/models: the document read through its types', () => {
  const doc = app.openapi();
  assert.equal(doc.openapi.startsWith('3.1'), true);
  assert.deepEqual(
    operations(doc).map((o) => [o.method, o.path, o.operation.summary, o.operation.tags, o.parameters.map((p) => [p.name, p.in, p.required])]),
    [['get', '/items/{id}', 'Read an item', ['items'], [['id', 'path', true]]]],
  );
});
