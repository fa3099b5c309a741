import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestClient } from 'zigmund/testing';
import { app, files } from '../../../samples/parity/advanced/additional-responses.js';

const client = new TestClient(app);
const doc = app.openapi();
const responsesOf = (path: string) => doc.paths[path]!.get!.responses;
const itemRef = { $ref: '#/components/schemas/Item' };
const validationError = { description: 'Validation Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/HTTPValidationError' } } } };

test('advanced/additional-responses: the item, or a 404 returned directly', async () => {
  let res = await client.get('/items/foo');
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { id: 'foo', value: 'there goes my hero' });
  res = await client.get('/items/bar');
  assert.equal(res.status, 404);
  assert.deepEqual(res.json(), { message: 'Item not found' });
});

test('advanced/additional-responses: a 404 documented with its model', () => {
  assert.deepEqual(responsesOf('/items/{item_id}'), {
    '200': { description: 'Successful Response', content: { 'application/json': { schema: itemRef } } },
    '404': { description: 'Not Found', content: { 'application/json': { schema: { $ref: '#/components/schemas/Message' } } } },
    '422': validationError,
  });
  assert.deepEqual(doc.components?.schemas?.Message, {
    type: 'object',
    properties: { message: { type: 'string' } },
    required: ['message'],
  });
});

test('advanced/additional-responses: JSON, or an image with ?img=1', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'additional-responses-'));
  try {
    files.imagePath = join(dir, 'image.png');
    writeFileSync(files.imagePath, Buffer.from('89504e470d0a1a0a', 'hex'));
    for (const path of ['/image-items/foo', '/more-items/foo']) {
      let res = await client.get(path);
      assert.equal(res.status, 200);
      assert.deepEqual(res.json(), { id: 'foo', value: 'there goes my hero' });
      res = await client.get(path, { query: { img: 1 } });
      assert.equal(res.status, 200);
      assert.equal(res.headers['content-type'], 'image/png');
      assert.ok(res.body.length > 0);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('advanced/additional-responses: image/png added beside the JSON model of the 200', () => {
  assert.deepEqual(responsesOf('/image-items/{item_id}')['200'], {
    description: 'Return the JSON item or an image.',
    content: { 'application/json': { schema: itemRef }, 'image/png': {} },
  });
});

test('advanced/additional-responses: a described 404 and an example merged into the 200', async () => {
  assert.deepEqual(responsesOf('/described-items/{item_id}'), {
    '200': {
      description: 'Item requested by ID',
      content: { 'application/json': { schema: itemRef, example: { id: 'bar', value: 'The bar tenders' } } },
    },
    '404': { description: 'The item was not found', content: { 'application/json': { schema: { $ref: '#/components/schemas/Message' } } } },
    '422': validationError,
  });
  const res = await client.get('/described-items/baz');
  assert.equal(res.status, 404);
  assert.deepEqual(res.json(), { message: 'Item not found' });
});

test('advanced/additional-responses: predefined responses combined with custom ones', () => {
  const responses = responsesOf('/more-items/{item_id}');
  assert.deepEqual(responses['404'], { description: 'Item not found' });
  assert.deepEqual(responses['302'], { description: 'The item was moved' });
  assert.deepEqual(responses['403'], { description: 'Not enough privileges' });
  assert.deepEqual(responses['200'], { description: 'Successful Response', content: { 'application/json': { schema: itemRef }, 'image/png': {} } });
  assert.deepEqual(responses['422'], validationError);
});
