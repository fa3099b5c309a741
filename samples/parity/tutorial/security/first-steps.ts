// Mirrors FastAPI's "Security - First Steps" (docs/en/docs/tutorial/security/first-steps.md):
// an `OAuth2PasswordBearer` whose token URL is the relative `token`, used as a dependency: the
// handler gets the bearer token as a string, and the route is documented with the password flow
// (Swagger UI's Authorize button). Nothing checks the token yet.
import 'reflect-metadata';
import { Controller, Depends, Get, Module, OAuth2PasswordBearer, bootstrap } from 'zigmund';

const oauth2Scheme = new OAuth2PasswordBearer({ tokenUrl: 'token' });

@Controller()
class ItemsController {
  @Get('/items/', { summary: 'Read Items' })
  readItems(@Depends(oauth2Scheme) token: string) {
    return { token };
  }
}

@Module({ controllers: [ItemsController] })
class AppModule {}

export const app = await bootstrap(AppModule);
