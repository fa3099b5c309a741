import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app, appDocsUrls, appLicenseIdentifier, appOpenapiUrl, appTags } from '../../../samples/parity/tutorial/metadata.js';

const topic = 'tutorial/metadata';
const description =
  '\nChimichangApp API helps you do awesome stuff. 🚀\n\n## Items\n\nYou can **read items**.\n\n## Users\n\nYou will be able to:\n\n* **Create users** (_not implemented_).\n* **Read users** (_not implemented_).\n';
const chimichangInfo = {
  title: 'ChimichangApp',
  summary: "Deadpool's favorite app. Nuff said.",
  description,
  termsOfService: 'http://example.com/terms/',
  contact: { name: 'Deadpoolio the Amazing', url: 'http://x-force.example.com/contact/', email: 'dp@x-force.example.com' },
  version: '0.0.1',
};
const readItems = { get: { operationId: 'get_items', summary: 'Read Items', responses: { 200: { description: 'Successful Response', content: { 'application/json': { schema: {} } } } } } };

type Doc = { info: unknown; paths: Record<string, unknown>; tags?: unknown };

test(`${topic}: the API's metadata is the document's info, the license by URL`, async () => {
  const client = new TestClient(app);
  const items = await client.get('/items/');
  assert.equal(items.status, 200, items.text);
  assert.deepEqual(items.json(), [{ name: 'Katana' }]);
  const res = await client.get('/openapi.json');
  assert.equal(res.status, 200);
  const doc = res.json<Doc>();
  assert.deepEqual(doc.info, { ...chimichangInfo, license: { name: 'Apache 2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0.html' } });
  assert.deepEqual(doc.paths, { '/items/': readItems });
});

test(`${topic}: a license by SPDX identifier`, async () => {
  const client = new TestClient(appLicenseIdentifier);
  assert.deepEqual((await client.get('/items/')).json(), [{ name: 'Katana' }]);
  const doc = (await client.get('/openapi.json')).json<Doc>();
  assert.deepEqual(doc.info, { ...chimichangInfo, license: { name: 'Apache 2.0', identifier: 'Apache-2.0' } });
});

test(`${topic}: the document at /api/v1/openapi.json, none at /openapi.json, and /docs follows it`, async () => {
  const client = new TestClient(appOpenapiUrl);
  assert.deepEqual((await client.get('/items/')).json(), [{ name: 'Foo' }]);
  assert.equal((await client.get('/openapi.json')).status, 404);
  const res = await client.get('/api/v1/openapi.json');
  assert.equal(res.status, 200);
  const doc = res.json<Doc>();
  assert.deepEqual(doc.info, { title: 'Zigmund', version: '0.1.0' });
  assert.deepEqual(doc.paths, { '/items/': readItems });
  assert.match((await client.get('/docs/swagger-init.js')).text, /"url":"\/api\/v1\/openapi\.json"/);
});

test(`${topic}: Swagger UI at /documentation, nothing at /docs, ReDoc turned off`, async () => {
  const client = new TestClient(appDocsUrls);
  assert.deepEqual((await client.get('/items/')).json(), [{ name: 'Foo' }]);
  assert.deepEqual((await client.get('/openapi.json')).json<Doc>().paths, { '/items/': readItems });
  assert.equal((await client.get('/docs')).status, 404);
  const docs = await client.get('/documentation');
  assert.equal(docs.status, 200);
  assert.ok(docs.text.includes('<title>Zigmund - Swagger UI</title>'));
  assert.equal((await client.get('/redoc')).status, 404);
});

test(`${topic}: tag metadata in its own order, with external docs`, async () => {
  const client = new TestClient(appTags);
  assert.equal((await client.get('/items/')).status, 200);
  assert.deepEqual((await client.get('/users/')).json(), [{ name: 'Harry' }, { name: 'Ron' }]);
  const doc = (await client.get('/openapi.json')).json<{ paths: Record<string, { get: { tags: string[]; summary: string } }>; tags: unknown }>();
  assert.deepEqual(Object.keys(doc.paths), ['/users/', '/items/']);
  assert.deepEqual(doc.paths['/users/']!.get.tags, ['users']);
  assert.equal(doc.paths['/users/']!.get.summary, 'Get Users');
  assert.deepEqual(doc.paths['/items/']!.get.tags, ['items']);
  assert.deepEqual(doc.tags, [
    { name: 'users', description: 'Operations with users. The **login** logic is also here.' },
    { name: 'items', description: 'Manage items. So _fancy_ they have their own docs.', externalDocs: { description: 'Items external docs', url: 'https://fastapi.tiangolo.com/' } },
  ]);
});
