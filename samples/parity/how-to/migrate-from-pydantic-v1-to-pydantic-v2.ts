// Mirrors FastAPI's "Migrate from Pydantic v1 to Pydantic v2"
// (docs/en/docs/how-to/migrate-from-pydantic-v1-to-pydantic-v2.md).
// TypeScript counterpart: there is no v1/v2 split. Models are classes validated by class-validator
// and built by class-transformer; a gradual migration is two classes side by side — the old one
// still read as the body while the new one shapes the answer (the page's v1 body with a v2
// response_model) — and `@Body('item')` embeds a model under a key (`Body(embed=True)`).
import 'reflect-metadata';
import { IsNumber, IsOptional, IsString } from 'class-validator';
import { Body, Controller, Module, Post, bootstrap } from 'zigmund';

/** The model as it was. */
export class Item {
  @IsString()
  name!: string;

  @IsOptional()
  @IsString()
  description: string | null = null;

  @IsNumber()
  size!: number;
}

/** The model as it becomes: the answers are shaped by it. */
export class ItemV2 {
  @IsString()
  name!: string;

  @IsOptional()
  @IsString()
  description: string | null = null;

  @IsNumber()
  size!: number;
}

@Controller()
class ItemsController {
  @Post('/items/', { responseModel: Item })
  createItem(@Body() item: Item) {
    return item;
  }

  @Post('/items-v2/', { responseModel: ItemV2 })
  createItemV2(@Body() item: Item) {
    return item;
  }

  @Post('/embedded-items/', { responseModel: Item })
  createEmbeddedItem(@Body('item') item: Item) {
    return item;
  }
}

@Module({ controllers: [ItemsController] })
class AppModule {}

export const app = await bootstrap(AppModule);
