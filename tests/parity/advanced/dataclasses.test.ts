import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/advanced/dataclasses.js';

const client = new TestClient(app);

test('advanced/dataclasses: a class as the body, defaults filled', async () => {
  const res = await client.post('/items/', { json: { name: 'Foo', price: 3 } });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), { name: 'Foo', price: 3, description: null, tax: null });
});

test('advanced/dataclasses: an invalid field is a 422 at its location', async () => {
  const res = await client.post('/items/', { json: { name: 'Foo', price: 'invalid price' } });
  assert.equal(res.status, 422, res.text);
  const detail = (res.json() as { detail: { loc: unknown[]; input: unknown }[] }).detail;
  assert.deepEqual(detail.map((d) => [d.loc, d.input]), [[['body', 'price'], 'invalid price']]);
});

test('advanced/dataclasses: a class as the response model', async () => {
  const res = await client.get('/items/next');
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), { name: 'Island In The Moon', price: 12.99, description: "A place to be playin' and havin' fun", tags: ['breater'], tax: null });
  // The output schema lists every field the answer always has (FastAPI: only name and price).
  const schema = app.openapi().components!.schemas!.TaggedItem as { required: string[] };
  assert.deepEqual(schema.required.sort(), ['description', 'name', 'price', 'tags', 'tax']);
});

test('advanced/dataclasses: nested classes in and out', async () => {
  const res = await client.post('/authors/foo/items/', { json: [{ name: 'Bar' }, { name: 'Baz', description: 'Drop the Baz' }] });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), {
    name: 'foo',
    items: [{ name: 'Bar', description: null }, { name: 'Baz', description: 'Drop the Baz' }],
  });
});

test('advanced/dataclasses: a list of nested classes as the response model', async () => {
  const res = await client.get('/authors/');
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), [
    {
      name: 'Breaters',
      items: [
        { name: 'Island In The Moon', description: "A place to be playin' and havin' fun" },
        { name: 'Holy Buddies', description: null },
      ],
    },
    {
      name: 'System of an Up',
      items: [
        { name: 'Salt', description: "The kombucha mushroom people's favorite" },
        { name: 'Pad Thai', description: null },
        { name: 'Lonely Night', description: 'The mostests lonliest nightiest of allest' },
      ],
    },
  ]);
});
