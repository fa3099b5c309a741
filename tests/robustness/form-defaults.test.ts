import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createApp, type App } from 'zigmund';

// The documented defaults of formLimits hold without any option: 10 files, 100 fields.
describe('multipart defaults', () => {
  let app: App;
  let url: string;
  before(async () => {
    app = createApp({ logStartup: false, handleSignals: false });
    app.post('/upload', async (req) => {
      const form = await req.form();
      return { files: [...form.files.values()].flat().length, fields: [...form.fields.values()].flat().length };
    });
    url = await app.serve({ port: 0 });
  });
  after(() => app.close());

  const post = async (form: FormData) => {
    const res = await fetch(`${url}/upload`, { method: 'POST', body: form });
    return { status: res.status, body: (await res.json()) as unknown };
  };
  const withFiles = (n: number) => {
    const form = new FormData();
    for (let i = 0; i < n; i++) form.append(`f${i}`, new Blob(['x']), `${i}.txt`);
    return form;
  };
  const withFields = (n: number) => {
    const form = new FormData();
    for (let i = 0; i < n; i++) form.append(`k${i}`, 'v');
    return form;
  };

  test('takes 10 files and refuses the 11th with 413', async () => {
    assert.deepEqual(await post(withFiles(10)), { status: 200, body: { files: 10, fields: 0 } });
    assert.deepEqual(await post(withFiles(11)), { status: 413, body: { detail: 'files limit exceeded (10 files)' } });
  });

  test('takes 100 fields and refuses the 101st with 413', async () => {
    assert.deepEqual(await post(withFields(100)), { status: 200, body: { files: 0, fields: 100 } });
    assert.deepEqual(await post(withFields(101)), { status: 413, body: { detail: 'fields limit exceeded (100 fields)' } });
  });
});
