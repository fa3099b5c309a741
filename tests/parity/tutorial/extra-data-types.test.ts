import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { OpenApiDocument } from 'zigmund';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/tutorial/extra-data-types.js';

const client = new TestClient(app);
const itemId = 'ff97dd87-a4a5-4a12-b412-cde99f33e00e';
const data = {
  start_datetime: '2018-12-22T14:00:00+00:00',
  end_datetime: '2018-12-24T15:00:00+00:00',
  repeat_at: '15:30:00',
  process_after: 300,
};

test('tutorial/extra-data-types: dates are read as Dates, computed with, and written back as ISO strings', async () => {
  const res = await client.put(`/items/${itemId}`, { json: data });
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), {
    item_id: itemId,
    start_datetime: '2018-12-22T14:00:00.000Z',
    end_datetime: '2018-12-24T15:00:00.000Z',
    repeat_at: '15:30:00',
    process_after: 300,
    start_process: '2018-12-22T14:05:00.000Z',
    duration: 176_100,
  });
});

test('tutorial/extra-data-types: a bad UUID, date or time answers 422 at its location', async () => {
  const res = await client.put('/items/not-a-uuid', { json: { ...data, start_datetime: 'yesterday', repeat_at: 'noon' } });
  assert.equal(res.status, 422);
  assert.deepEqual(
    res.json<{ detail: { type: string; loc: unknown[] }[] }>().detail.map((d) => d.loc),
    [['path', 'item_id'], ['body', 'start_datetime'], ['body', 'repeat_at']],
  );
  assert.equal(res.json<{ detail: { type: string }[] }>().detail[0]!.type, 'string_pattern_mismatch');
});

test('tutorial/extra-data-types: the OpenAPI document describes the dates and the UUID as strings', async () => {
  const doc = (await client.get('/openapi.json')).json<OpenApiDocument>();
  const put = doc.paths['/items/{item_id}']!.put!;
  assert.deepEqual(put.requestBody, { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Schedule' } } } });
  assert.equal(put.parameters![0]!.name, 'item_id');
  assert.equal(put.parameters![0]!.schema!.type, 'string');
  const schedule = doc.components!.schemas!.Schedule!;
  // class-validator-jsonschema describes `@IsDate()` as a date or a date-time.
  const dateOrDateTime = { oneOf: [{ type: 'string', format: 'date' }, { type: 'string', format: 'date-time' }] };
  assert.deepEqual(schedule.properties!.start_datetime, dateOrDateTime);
  assert.deepEqual(schedule.properties!.end_datetime, dateOrDateTime);
  assert.deepEqual(schedule.properties!.process_after, { type: 'number' });
  assert.deepEqual(schedule.required, ['start_datetime', 'end_datetime', 'process_after']);
});
