// Mirrors FastAPI's "General - How To - Recipes" (docs/en/docs/how-to/general.md), a page of
// pointers; one app touching each: filtering data with a response model, tags, summary and
// description, the response description, deprecation, converting data to JSON-compatible values,
// the document's metadata, its URL, and the docs' URLs.
import 'reflect-metadata';
import { IsEmail, IsString } from 'class-validator';
import { Controller, Get, Module, bootstrap } from 'zigmund';

export class UserOut {
  @IsString()
  username!: string;

  @IsEmail()
  email!: string;
}

const users = [{ username: 'rick', email: 'rick@example.com', hashedPassword: 'secret-hash' }];

@Controller('', { tags: ['users'] })
class UsersController {
  /** Filter data: the response model keeps the password hash out of the answer. */
  @Get('/users/', {
    responseModel: [UserOut],
    summary: 'List the users',
    description: 'Every user, **without** their password hash.',
    responseDescription: 'The users',
  })
  listUsers() {
    return users;
  }

  @Get('/users/legacy', { deprecated: true, responseModel: [UserOut] })
  legacyUsers() {
    return users;
  }

  /** JSON-compatible data: a Date is written as its ISO string, bytes as base64. */
  @Get('/users/export')
  exportUsers() {
    return { exported: new Date('2026-01-02T03:04:05Z'), signature: Buffer.from('rick') };
  }
}

@Module({ controllers: [UsersController] })
class AppModule {}

export const app = await bootstrap(AppModule, {
  title: 'Citadel API',
  version: '1.2.0',
  description: 'Users of the **Citadel**.',
  openapiUrl: '/api/v1/openapi.json',
  docsUrl: '/documentation',
  redocUrl: null,
});
