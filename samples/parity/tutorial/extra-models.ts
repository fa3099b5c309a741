// Mirrors FastAPI's tutorial/extra-models (docs/en/docs/tutorial/extra-models.md). Pydantic's
// `UserInDB(**user_in.model_dump(), hashed_password=...)` is an object spread; the shared
// `UserBase` is class inheritance, which class-validator follows. A union response model
// (`PlaneItem | CarItem`) is `anyOf(PlaneItem, CarItem)`. `dict[str, float]` has no class, so
// its schema is given with `responses`.
import 'reflect-metadata';
import { IsEmail, IsInt, IsOptional, IsString } from 'class-validator';
import { Body, Controller, Get, Module, Param, Post, anyOf, bootstrap } from 'zigmund';

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

export class UserOut {
  @IsString()
  username!: string;

  @IsEmail()
  email!: string;

  @IsOptional()
  @IsString()
  full_name: string | null = null;
}

export class UserInDB {
  @IsString()
  username!: string;

  @IsString()
  hashed_password!: string;

  @IsEmail()
  email!: string;

  @IsOptional()
  @IsString()
  full_name: string | null = null;
}

export const savedUsers: UserInDB[] = [];

function fakePasswordHasher(rawPassword: string): string {
  return `supersecret${rawPassword}`;
}

function fakeSaveUser(userIn: UserIn): UserInDB {
  const { password, ...fields } = userIn;
  const userInDb: UserInDB = Object.assign(new UserInDB(), { ...fields, hashed_password: fakePasswordHasher(password) });
  savedUsers.push(userInDb);
  return userInDb;
}

@Controller()
export class UsersController {
  @Post('/user/', { summary: 'Create User', responseModel: UserOut })
  createUser(@Body() userIn: UserIn) {
    return fakeSaveUser(userIn);
  }
}

@Module({ controllers: [UsersController] })
export class UsersModule {}

export const app = await bootstrap(UsersModule);

// Reducing duplication: each model declares only what differs from UserBase.
export class UserBase {
  @IsString()
  username!: string;

  @IsEmail()
  email!: string;

  @IsOptional()
  @IsString()
  full_name: string | null = null;
}

export class BaseUserIn extends UserBase {
  @IsString()
  password!: string;
}

export class BaseUserOut extends UserBase {}

export class BaseUserInDB extends UserBase {
  @IsString()
  hashed_password!: string;
}

@Controller()
export class BaseUsersController {
  @Post('/user/', { summary: 'Create User', responseModel: BaseUserOut })
  createUser(@Body() userIn: BaseUserIn) {
    const { password, ...fields } = userIn;
    return Object.assign(new BaseUserInDB(), { ...fields, hashed_password: fakePasswordHasher(password) });
  }
}

@Module({ controllers: [BaseUsersController] })
export class BaseUsersModule {}

export const withBaseApp = await bootstrap(BaseUsersModule);

// Union of models: each answer is shaped by the first model it passes, the most specific first.
export class BaseItem {
  @IsString()
  description!: string;

  @IsString()
  type!: string;
}

export class CarItem extends BaseItem {
  override type = 'car';
}

export class PlaneItem extends BaseItem {
  override type = 'plane';

  @IsInt()
  size!: number;
}

const vehicles: Record<string, object> = {
  item1: { description: 'All my friends drive a low rider', type: 'car' },
  item2: { description: "Music is my aeroplane, it's my aeroplane", type: 'plane', size: 5 },
};

@Controller()
export class VehiclesController {
  @Get('/items/:item_id', { summary: 'Read Item', responseModel: anyOf(PlaneItem, CarItem) })
  readItem(@Param('item_id') itemId: string) {
    return vehicles[itemId];
  }
}

@Module({ controllers: [VehiclesController] })
export class VehiclesModule {}

export const unionApp = await bootstrap(VehiclesModule);

// A list of models, and an arbitrary dict.
export class Item {
  @IsString()
  name!: string;

  @IsString()
  description!: string;
}

const items = [
  { name: 'Foo', description: 'There comes my hero' },
  { name: 'Red', description: "It's my aeroplane" },
];

@Controller()
export class ListsController {
  @Get('/items/', { summary: 'Read Items', responseModel: [Item] })
  readItems() {
    return items;
  }

  @Get('/keyword-weights/', {
    summary: 'Read Keyword Weights',
    responses: { 200: { content: { 'application/json': { schema: { type: 'object', additionalProperties: { type: 'number' } } } } } },
  })
  readKeywordWeights(): Record<string, number> {
    return { foo: 2.3, bar: 3.4 };
  }
}

@Module({ controllers: [ListsController] })
export class ListsModule {}

export const listsApp = await bootstrap(ListsModule);
