import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IsDefined, IsString } from 'class-validator';
import { createApp } from 'zigmund';
import { TestClient } from 'zigmund/testing';

// FastAPI's `bytes` fields with base64 JSON (docs: advanced/json-base64-bytes): a Buffer or
// Uint8Array field of a DTO travels as a base64 string, and the schema says so.
class DataOutput {
  @IsString()
  description!: string;

  @IsDefined()
  data!: Buffer;

  @IsDefined()
  view!: Uint8Array;
}

const app = createApp();
app.get('/data', () => ({ description: 'A plumbus', data: Buffer.from('hello'), view: new Uint8Array([1, 2, 3]) }), { responseModel: DataOutput });

test('a Buffer or Uint8Array field of a response model is answered as base64', async () => {
  const client = new TestClient(app);
  const res = await client.get('/data');
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { description: 'A plumbus', data: 'aGVsbG8=', view: 'AQID' });
});

test('a Buffer or Uint8Array field of a DTO is documented as a base64 string (format byte)', async () => {
  const client = new TestClient(app);
  const doc = (await client.get('/openapi.json')).json() as { components: { schemas: Record<string, { properties: Record<string, unknown> }> } };
  const bytes = { type: 'string', format: 'byte', contentEncoding: 'base64', contentMediaType: 'application/octet-stream' };
  assert.deepEqual(doc.components.schemas.DataOutput.properties.data, bytes);
  assert.deepEqual(doc.components.schemas.DataOutput.properties.view, bytes);
});
