// Mirrors FastAPI's reference page "Request Parameters" (docs/en/docs/reference/parameters.md):
// Query(), Path(), Body(), Cookie(), Header(), Form(), File() are the decorators @Query, @Param,
// @Body, @Cookie, @Header, @Form, @File, with their shared options: default, gt/ge/lt/le,
// min_length/max_length, pattern, description, deprecated, examples. What has no counterpart:
// `alias` (the decorator's name is the wire name), `title`, `include_in_schema` and
// `openapi_examples` per parameter, and Header's `convert_underscores` (header names are given as sent).
import 'reflect-metadata';
import { IsString } from 'class-validator';
import { Body, Controller, Cookie, File, Form, Header, Module, Param, Post, Put, Query, bootstrap, type UploadedFile } from 'zigmund';

export class Item {
  @IsString()
  name!: string;
}

@Controller()
class ParamsController {
  @Put('/items/:item_id')
  update(
    @Param('item_id', { integer: true, ge: 1, description: 'The ID of the item' }) itemId: number,
    @Query('q', { minLength: 3, maxLength: 50, pattern: '^fixed', required: false, deprecated: true }) q: string | undefined,
    @Query('size', { gt: 0, le: 10.5, default: 1 }) size: number,
    @Header('user-agent', { required: false }) userAgent: string | undefined,
    @Cookie('ads_id', { required: false }) adsId: string | undefined,
    @Body({ examples: [{ name: 'Foo' }] }) item: Item,
  ) {
    return { item_id: itemId, q: q ?? null, size, user_agent: userAgent ?? null, ads_id: adsId ?? null, item };
  }

  @Post('/files/')
  upload(@Form('token') token: string, @File('file') file: UploadedFile) {
    return { token, file_size: file.size };
  }
}

@Module({ controllers: [ParamsController] })
class AppModule {}

export const app = await bootstrap(AppModule);
