// Mirrors FastAPI's "Generating SDKs" (docs/en/docs/advanced/generate-clients.md): models for
// bodies and answers, tags, and operation ids generated from the route (`generateOperationId`,
// FastAPI's `generate_unique_id_function`) so client generators name their methods well; the
// page's last step rewrites the ids of a saved document, as `stripTagPrefix` does here.
import 'reflect-metadata';
import { IsNumber, IsString } from 'class-validator';
import { Body, Controller, Get, Module, Post, bootstrap, type OpenApiDocument } from 'zigmund';

export class Item {
  @IsString()
  name!: string;

  @IsNumber()
  price!: number;
}

export class ResponseMessage {
  @IsString()
  message!: string;
}

export class User {
  @IsString()
  username!: string;

  @IsString()
  email!: string;
}

@Controller('', { tags: ['items'] })
class ItemsController {
  @Post('/items/', { responseModel: ResponseMessage })
  create_item(@Body() item: Item) {
    void item;
    return { message: 'Item received' };
  }

  @Get('/items/', { responseModel: [Item] })
  get_items() {
    return [
      { name: 'Plumbus', price: 3 },
      { name: 'Portal Gun', price: 9001 },
    ];
  }
}

@Controller('', { tags: ['users'] })
class UsersController {
  @Post('/users/', { responseModel: ResponseMessage })
  create_user(@Body() user: User) {
    void user;
    return { message: 'User received' };
  }
}

@Module({ controllers: [ItemsController, UsersController] })
class AppModule {}

export const app = await bootstrap(AppModule, {
  generateOperationId: (route) => `${route.tags[0]}-${route.methodName}`,
});

/** The page's preprocessing script: `items-get_items` becomes `get_items` for the generated client. */
export function stripTagPrefix(document: OpenApiDocument): OpenApiDocument {
  const copy = structuredClone(document);
  for (const pathItem of Object.values(copy.paths)) {
    for (const operation of Object.values(pathItem as Record<string, { tags?: string[]; operationId: string }>)) {
      const tag = operation.tags![0]!;
      operation.operationId = operation.operationId.slice(`${tag}-`.length);
    }
  }
  return copy;
}
