// Mirrors FastAPI's "Strict Content-Type Checking" (docs/en/docs/advanced/strict-content-type.md):
// `strictContentType: false` is `FastAPI(strict_content_type=False)`: a JSON body sent without a
// Content-Type is parsed; one that names another type is still refused.
import 'reflect-metadata';
import { IsNumber, IsString } from 'class-validator';
import { Body, Controller, Module, Post, bootstrap } from 'zigmund';

export class Item {
  @IsString()
  name!: string;

  @IsNumber()
  price!: number;
}

@Controller()
class ItemsController {
  @Post('/items/')
  createItem(@Body() item: Item) {
    return item;
  }
}

@Module({ controllers: [ItemsController] })
export class AppModule {}

export const app = await bootstrap(AppModule, { strictContentType: false });

/** The default, strict app, for comparison. */
export const strictApp = await bootstrap(AppModule);
