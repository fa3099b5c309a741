// Mirrors FastAPI's "Get Current User" (docs/en/docs/tutorial/security/get-current-user.md): a
// `getCurrentUser` dependency built on the `OAuth2PasswordBearer` scheme turns the token into a
// `User` (with a fake decoder), and the route receives the user. A plain function cannot carry
// parameter decorators, so `dependency([Depends(oauth2Scheme)], fn)` declares its input.
import 'reflect-metadata';
import { Controller, Depends, Get, Module, OAuth2PasswordBearer, bootstrap, dependency } from 'zigmund';

const oauth2Scheme = new OAuth2PasswordBearer({ tokenUrl: 'token' });

export class User {
  username!: string;
  email: string | null = null;
  full_name: string | null = null;
  disabled: boolean | null = null;
}

function fakeDecodeToken(token: string): User {
  return Object.assign(new User(), { username: `${token}fakedecoded`, email: 'john@example.com', full_name: 'John Doe' });
}

const getCurrentUser = dependency([Depends(oauth2Scheme)], async (token: string) => fakeDecodeToken(token));

@Controller()
class UsersController {
  @Get('/users/me', { summary: 'Read Users Me' })
  readUsersMe(@Depends(getCurrentUser) currentUser: User) {
    return currentUser;
  }
}

@Module({ controllers: [UsersController] })
class AppModule {}

export const app = await bootstrap(AppModule);
