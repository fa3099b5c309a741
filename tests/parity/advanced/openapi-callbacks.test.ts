import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/advanced/openapi-callbacks.js';

test('advanced/openapi-callbacks: the route answers', async () => {
  const client = new TestClient(app);
  const res = await client.post('/invoices/', { json: { id: 'fooinvoice', customer: 'John', total: 5.3 } });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), { msg: 'Invoice received' });
  const invalid = await client.post('/invoices/', { json: { id: 'fooinvoice', total: 5.3 } });
  assert.equal(invalid.status, 422);
});

test('advanced/openapi-callbacks: the callback is documented with its body and expected answer', () => {
  const doc = app.openapi();
  const op = doc.paths['/invoices/']!.post!;
  assert.deepEqual(op.parameters, [{ name: 'callback_url', in: 'query', required: false, schema: { type: 'string' } }]);
  const callback = op.callbacks!.invoice_notification!['{$callback_url}/invoices/{$request.body.id}']!.post!;
  assert.equal(callback.summary, 'Invoice Notification');
  assert.deepEqual(callback.requestBody, { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/InvoiceEvent' } } } });
  assert.deepEqual(callback.responses['200'], {
    description: 'Successful Response',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/InvoiceEventReceived' } } },
  });
  const schemas = doc.components!.schemas!;
  assert.deepEqual(schemas.InvoiceEvent, { type: 'object', properties: { description: { type: 'string' }, paid: { type: 'boolean' } }, required: ['description', 'paid'] });
  assert.deepEqual(schemas.InvoiceEventReceived, { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] });
  assert.ok(op.description!.startsWith('Create an invoice.'));
});
