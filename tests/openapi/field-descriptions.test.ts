import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Controller, File, Form, Module, Post, bootstrap, type UploadedFile } from 'zigmund';

@Controller()
class UploadController {
  @Post('/upload')
  upload(
    @File('file', { description: 'A file read as bytes' }) file: UploadedFile,
    @File('more', { multiple: true, description: 'Several files' }) more: UploadedFile[],
    @Form('token', { description: 'The upload token' }) token: string,
  ) {
    return { file: file.size, more: more.length, token };
  }
}

@Module({ controllers: [UploadController] })
class UploadModule {}

test('the description of a file or form field is on its property of the multipart body', async () => {
  const app = await bootstrap(UploadModule);
  const schema = app.openapi().paths['/upload']!.post!.requestBody!.content['multipart/form-data']!.schema as { properties: Record<string, unknown> };
  assert.deepEqual(schema.properties, {
    file: { type: 'string', format: 'binary', description: 'A file read as bytes' },
    more: { type: 'array', items: { type: 'string', format: 'binary' }, description: 'Several files' },
    token: { type: 'string', description: 'The upload token' },
  });
});
