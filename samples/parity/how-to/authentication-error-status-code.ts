// Mirrors FastAPI's "Use Old 403 Authentication Error Status Codes"
// (docs/en/docs/how-to/authentication-error-status-code.md): a subclass of HTTPBearer answers 403
// instead of 401 when credentials are missing. FastAPI overrides make_not_authenticated_error();
// here the subclass wraps the reader `compile()` returns and turns the scheme's 401 into a 403.
import 'reflect-metadata';
import { Controller, Depends, Get, HTTPBearer, HttpException, Module, bootstrap, status, type HTTPAuthorizationCredentials } from 'zigmund';

class HTTPBearer403 extends HTTPBearer {
  override compile(...args: Parameters<HTTPBearer['compile']>): ReturnType<HTTPBearer['compile']> {
    const read = super.compile(...args);
    return (ctx) => {
      try {
        return read(ctx);
      } catch (err) {
        if (err instanceof HttpException && err.status === status.HTTP_401_UNAUTHORIZED) {
          throw new HttpException(status.HTTP_403_FORBIDDEN, 'Not authenticated');
        }
        throw err;
      }
    };
  }
}

const bearer403 = new HTTPBearer403();

@Controller()
class MeController {
  @Get('/me')
  readMe(@Depends(bearer403) credentials: HTTPAuthorizationCredentials) {
    return { message: 'You are authenticated', token: credentials.credentials };
  }
}

@Module({ controllers: [MeController] })
class AppModule {}

export const app = await bootstrap(AppModule);
