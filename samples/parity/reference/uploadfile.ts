// Mirrors FastAPI's reference page "UploadFile class" (docs/en/docs/reference/uploadfile.md):
// `@File()` gives an UploadedFile with its filename, size, content type and content (`buffer`,
// `text()`, `stream()`). FastAPI's async `read/write/seek/close` on a spooled file have no
// counterpart: the content is already in memory (within the app's form limits).
import 'reflect-metadata';
import { Controller, File, Module, Post, bootstrap, type UploadedFile } from 'zigmund';

@Controller()
class FilesController {
  @Post('/uploadfile/')
  async createUploadFile(@File('file') file: UploadedFile) {
    let streamed = 0;
    for await (const chunk of file.stream()) streamed += (chunk as Buffer).length;
    return {
      filename: file.filename,
      content_type: file.mimeType,
      size: file.size,
      text: file.text(),
      first_byte: file.buffer[0],
      streamed,
    };
  }

  @Post('/uploadfiles/')
  createUploadFiles(@File('files', { multiple: true }) files: UploadedFile[]) {
    return { filenames: files.map((f) => f.filename) };
  }
}

@Module({ controllers: [FilesController] })
class AppModule {}

export const app = await bootstrap(AppModule);
