// Mirrors FastAPI's tutorial/request-forms-and-files
// (docs/en/docs/tutorial/request-forms-and-files.md): files and form fields in one multipart body.
import 'reflect-metadata';
import { Controller, File, Form, Module, Post, bootstrap, type UploadedFile } from 'zigmund';

@Controller()
export class FormsAndFilesController {
  @Post('/files/', { summary: 'Create File' })
  createFile(@File('file') file: UploadedFile, @File('fileb') fileb: UploadedFile, @Form('token') token: string) {
    return { file_size: file.size, token, fileb_content_type: fileb.mimeType };
  }
}

@Module({ controllers: [FormsAndFilesController] })
export class FormsAndFilesModule {}

export const app = await bootstrap(FormsAndFilesModule);
