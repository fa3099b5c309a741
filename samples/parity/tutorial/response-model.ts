// Mirrors FastAPI's tutorial/response-model (docs/en/docs/tutorial/response-model.md). A return
// type annotation is invisible at run time in TypeScript, so the page's `-> Item` examples and its
// `response_model=Item` ones are both the route option `responseModel`; without it (FastAPI's
// `response_model=None`) the returned value is written as it is, so the page's "invalid return
// type annotation" error has no counterpart. EmailStr is class-validator's `@IsEmail()`.
import 'reflect-metadata';
import { IsArray, IsEmail, IsNumber, IsOptional, IsString } from 'class-validator';
import { Body, Controller, Get, Module, Param, Post, Query, Response, bootstrap } from 'zigmund';

export class Item {
  @IsString()
  name!: string;

  @IsOptional()
  @IsString()
  description: string | null = null;

  @IsNumber()
  price!: number;

  @IsOptional()
  @IsNumber()
  tax: number | null = null;

  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  tags: string[] = [];
}

@Controller()
export class ItemsController {
  @Post('/items/', { summary: 'Create Item', responseModel: Item })
  createItem(@Body() item: Item) {
    return item;
  }

  // Plain objects: the model fills what they leave out (description, tax, tags).
  @Get('/items/', { summary: 'Read Items', responseModel: [Item] })
  readItems() {
    return [
      { name: 'Portal Gun', price: 42.0 },
      { name: 'Plumbus', price: 32.0 },
    ];
  }
}

@Module({ controllers: [ItemsController] })
export class ItemsModule {}

export const app = await bootstrap(ItemsModule);

// Returning the same input data: the password goes back (don't do this in production!).
export class UserIn {
  @IsString()
  username!: string;

  @IsString()
  password!: string;

  @IsEmail()
  email!: string;

  @IsOptional()
  @IsString()
  full_name: string | null = null;
}

@Controller()
export class EchoUserController {
  @Post('/user/', { summary: 'Create User', responseModel: UserIn })
  createUser(@Body() user: UserIn) {
    return user;
  }
}

@Module({ controllers: [EchoUserController] })
export class EchoUserModule {}

export const echoUserApp = await bootstrap(EchoUserModule);

// An output model without the password.
export class UserOut {
  @IsString()
  username!: string;

  @IsEmail()
  email!: string;

  @IsOptional()
  @IsString()
  full_name: string | null = null;
}

@Controller()
export class UserOutController {
  @Post('/user/', { summary: 'Create User', responseModel: UserOut })
  createUser(@Body() user: UserIn) {
    return user;
  }
}

@Module({ controllers: [UserOutController] })
export class UserOutModule {}

export const userOutApp = await bootstrap(UserOutModule);

// Inheritance: the subclass instance is filtered down to the base class's fields. The page's
// `UserIn(BaseUser)` is named UserWithPassword here: DTO names are unique per process.
export class BaseUser {
  @IsString()
  username!: string;

  @IsEmail()
  email!: string;

  @IsOptional()
  @IsString()
  full_name: string | null = null;
}

export class UserWithPassword extends BaseUser {
  @IsString()
  password!: string;
}

@Controller()
export class BaseUserController {
  @Post('/user/', { summary: 'Create User', responseModel: BaseUser })
  createUser(@Body() user: UserWithPassword): BaseUser {
    return user;
  }
}

@Module({ controllers: [BaseUserController] })
export class BaseUserModule {}

export const baseUserApp = await bootstrap(BaseUserModule);

// Returning a Response directly: no model, the Response is the answer.
export const rickroll = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';

@Controller()
export class PortalController {
  @Get('/portal', { summary: 'Get Portal' })
  getPortal(@Query('teleport') teleport: boolean = false): Response {
    if (teleport) return Response.redirect(rickroll);
    return Response.json({ message: "Here's your interdimensional portal." });
  }

  @Get('/teleport', { summary: 'Get Teleport' })
  getTeleport(): Response {
    return Response.redirect(rickroll);
  }
}

@Module({ controllers: [PortalController] })
export class PortalModule {}

export const portalApp = await bootstrap(PortalModule);

// Encoding parameters: defaults left out unless the stored data sets them.
export class StoredItem {
  @IsString()
  name!: string;

  @IsOptional()
  @IsString()
  description: string | null = null;

  @IsNumber()
  price!: number;

  @IsOptional()
  @IsNumber()
  tax: number = 10.5;

  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  tags: string[] = [];
}

const storedItems: Record<string, object> = {
  foo: { name: 'Foo', price: 50.2 },
  bar: { name: 'Bar', description: 'The bartenders', price: 62, tax: 20.2 },
  baz: { name: 'Baz', description: null, price: 50.2, tax: 10.5, tags: [] },
};

@Controller()
export class ExcludeUnsetController {
  @Get('/items/:item_id', { summary: 'Read Item', responseModel: StoredItem, responseModelExcludeUnset: true })
  readItem(@Param('item_id') itemId: string) {
    return storedItems[itemId];
  }
}

@Module({ controllers: [ExcludeUnsetController] })
export class ExcludeUnsetModule {}

export const excludeUnsetApp = await bootstrap(ExcludeUnsetModule);

// response_model_include / response_model_exclude (FastAPI's sets and lists are both arrays here).
export class PublicItem {
  @IsString()
  name!: string;

  @IsOptional()
  @IsString()
  description: string | null = null;

  @IsNumber()
  price!: number;

  @IsOptional()
  @IsNumber()
  tax: number = 10.5;
}

const publicItems: Record<string, object> = {
  foo: { name: 'Foo', price: 50.2 },
  bar: { name: 'Bar', description: 'The Bar fighters', price: 62, tax: 20.2 },
  baz: { name: 'Baz', description: 'There goes my baz', price: 50.2, tax: 10.5 },
};

@Controller()
export class IncludeExcludeController {
  @Get('/items/:item_id/name', { summary: 'Read Item Name', responseModel: PublicItem, responseModelInclude: ['name', 'description'] })
  readItemName(@Param('item_id') itemId: string) {
    return publicItems[itemId];
  }

  @Get('/items/:item_id/public', { summary: 'Read Item Public Data', responseModel: PublicItem, responseModelExclude: ['tax'] })
  readItemPublicData(@Param('item_id') itemId: string) {
    return publicItems[itemId];
  }
}

@Module({ controllers: [IncludeExcludeController] })
export class IncludeExcludeModule {}

export const includeExcludeApp = await bootstrap(IncludeExcludeModule);
