// Mirrors FastAPI's tutorial/path-operation-configuration
// (docs/en/docs/tutorial/path-operation-configuration.md): status, tags (also from an enum),
// summary, description, response description and deprecation of a route. Python's docstring
// description is the `description` option (Markdown); the `-> Item` return type is
// `responseModel: Item`.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsNumber, IsOptional, IsString } from 'class-validator';
import { Body, Controller, Get, Module, Post, bootstrap, status } from 'zigmund';

export enum Tags {
  items = 'items',
  users = 'users',
}

export class Item {
  @IsString()
  name!: string;

  @IsOptional()
  @IsString()
  description: string | null = null;

  @Type(() => Number)
  @IsNumber()
  price!: number;

  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  tax: number | null = null;

  @IsOptional()
  @IsString({ each: true })
  tags: string[] = [];
}

const createItemDescription = `Create an item with all the information:

- **name**: each item must have a name
- **description**: a long description
- **price**: required
- **tax**: if the item doesn't have tax, you can omit this
- **tags**: a set of unique tag strings for this item`;

@Controller()
export class PathOperationController {
  @Post('/items/', {
    status: status.HTTP_201_CREATED,
    tags: [Tags.items],
    summary: 'Create an item',
    description: createItemDescription,
    responseDescription: 'The created item',
    responseModel: Item,
  })
  createItem(@Body() item: Item) {
    return item;
  }

  @Get('/items/', { tags: [Tags.items], summary: 'Read Items' })
  readItems() {
    return [{ name: 'Foo', price: 42 }];
  }

  @Get('/users/', { tags: [Tags.users], summary: 'Read Users' })
  readUsers() {
    return [{ username: 'johndoe' }];
  }

  @Get('/elements/', { tags: [Tags.items], deprecated: true, summary: 'Read Elements' })
  readElements() {
    return [{ item_id: 'Foo' }];
  }
}

@Module({ controllers: [PathOperationController] })
export class PathOperationModule {}

export const app = await bootstrap(PathOperationModule);
