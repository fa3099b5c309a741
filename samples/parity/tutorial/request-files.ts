// Mirrors FastAPI's tutorial/request-files (docs/en/docs/tutorial/request-files.md): uploaded
// files, one or several, required or optional, with a description, and an HTML page with the
// upload forms. FastAPI's `bytes` and `UploadFile` are both `UploadedFile` here: its `buffer`
// holds the content, `filename`/`mimeType`/`size` describe it.
import 'reflect-metadata';
import { Controller, File, Get, Module, Post, Response, bootstrap, type UploadedFile } from 'zigmund';

const uploadPage = `
<body>
<form action="/files/" enctype="multipart/form-data" method="post">
<input name="files" type="file" multiple>
<input type="submit">
</form>
<form action="/uploadfiles/" enctype="multipart/form-data" method="post">
<input name="files" type="file" multiple>
<input type="submit">
</form>
</body>
`;

@Controller()
export class FilesController {
  @Post('/file/', { summary: 'Create File' })
  createFile(@File('file', { description: 'A file read as bytes' }) file: UploadedFile) {
    return { file_size: file.buffer.length };
  }

  @Post('/uploadfile/', { summary: 'Create Upload File' })
  createUploadFile(@File('file', { description: 'A file read as UploadFile' }) file: UploadedFile) {
    return { filename: file.filename };
  }

  @Post('/optional-file/', { summary: 'Create File' })
  createOptionalFile(@File('file', { required: false }) file?: UploadedFile) {
    return file ? { file_size: file.size } : { message: 'No file sent' };
  }

  @Post('/files/', { summary: 'Create Files' })
  createFiles(@File('files', { multiple: true, description: 'Multiple files as bytes' }) files: UploadedFile[]) {
    return { file_sizes: files.map((f) => f.size) };
  }

  @Post('/uploadfiles/', { summary: 'Create Upload Files' })
  createUploadFiles(@File('files', { multiple: true, description: 'Multiple files as UploadFile' }) files: UploadedFile[]) {
    return { filenames: files.map((f) => f.filename) };
  }

  @Get('/', { summary: 'Main' })
  main() {
    return Response.html(uploadPage);
  }
}

@Module({ controllers: [FilesController] })
export class FilesModule {}

export const app = await bootstrap(FilesModule);
