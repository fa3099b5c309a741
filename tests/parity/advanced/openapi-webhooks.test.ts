import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/advanced/openapi-webhooks.js';

test('advanced/openapi-webhooks: the route answers', async () => {
  const res = await new TestClient(app).get('/users/');
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), ['Rick', 'Morty']);
});

test('advanced/openapi-webhooks: the webhook is in the document, with its body', async () => {
  const doc = (await new TestClient(app).get('/openapi.json')).json() as Record<string, any>;
  assert.equal(doc.openapi, '3.1.0');
  const hook = doc.webhooks['new-subscription'].post;
  assert.equal(hook.summary, 'New Subscription');
  assert.match(hook.description, /^When a new user subscribes to your service/);
  assert.deepEqual(hook.requestBody, { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Subscription' } } } });
  assert.deepEqual(hook.responses['200'], { description: 'Successful Response', content: { 'application/json': { schema: {} } } });
  const subscription = doc.components.schemas.Subscription;
  assert.deepEqual(subscription.required, ['username', 'monthly_fee', 'start_date']);
  // FastAPI writes {type: string, format: date-time}; class-validator-jsonschema's @IsDate() accepts a date too.
  assert.ok(JSON.stringify(subscription.properties.start_date).includes('"format":"date-time"'));
  assert.deepEqual(Object.keys(doc.paths), ['/users/']);
});
