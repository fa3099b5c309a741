// Mirrors FastAPI's "Separate OpenAPI Schemas for Input and Output or Not"
// (docs/en/docs/how-to/separate-openapi-schemas.md): a class read as a body and written as an answer
// is documented twice (Item-Input, Item-Output) when its views differ, or once with
// `separateInputOutputSchemas: false`.
import 'reflect-metadata';
import { IsOptional, IsString } from 'class-validator';
import { Body, Controller, Get, Module, Post, bootstrap } from 'zigmund';

export class Item {
  @IsString()
  name!: string;

  @IsOptional()
  @IsString()
  description: string | null = null;
}

@Controller()
class ItemsController {
  @Post('/items/')
  createItem(@Body() item: Item) {
    return item;
  }

  @Get('/items/', { responseModel: [Item] })
  readItems() {
    return [{ name: 'Portal Gun', description: 'Device to travel through the multi-rick-verse' }, { name: 'Plumbus' }];
  }
}

@Module({ controllers: [ItemsController] })
class AppModule {}

export const app = await bootstrap(AppModule);

/** One schema for both ways. */
export const sameSchemaApp = await bootstrap(AppModule, { separateInputOutputSchemas: false });
