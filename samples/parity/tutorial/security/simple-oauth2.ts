// Mirrors FastAPI's "Simple OAuth2 with Password and Bearer" (docs/en/docs/tutorial/security/simple-oauth2.md):
// a `/token` route reading `OAuth2PasswordRequestForm` and answering `{ access_token, token_type }`,
// a current user looked up from the token, and an active-user dependency on top of it. As in the
// page, the "hash" and the token (the user name itself) are fakes: oauth2-jwt makes them real.
import 'reflect-metadata';
import { Controller, Depends, Get, HttpException, Module, OAuth2PasswordBearer, OAuth2PasswordRequestForm, Post, bootstrap, dependency, status } from 'zigmund';

interface UserInDB {
  username: string;
  full_name: string | null;
  email: string | null;
  hashed_password: string;
  disabled: boolean | null;
}

export const fakeUsersDb: Record<string, UserInDB> = {
  johndoe: { username: 'johndoe', full_name: 'John Doe', email: 'johndoe@example.com', hashed_password: 'fakehashedsecret', disabled: false },
  alice: { username: 'alice', full_name: 'Alice Wonderson', email: 'alice@example.com', hashed_password: 'fakehashedsecret2', disabled: true },
};

function fakeHashPassword(password: string): string {
  return `fakehashed${password}`;
}

const oauth2Scheme = new OAuth2PasswordBearer({ tokenUrl: 'token' });

function getUser(db: Record<string, UserInDB>, username: string): UserInDB | undefined {
  return Object.hasOwn(db, username) ? { ...db[username]! } : undefined;
}

function fakeDecodeToken(token: string): UserInDB | undefined {
  // This doesn't provide any security at all: check the next version (oauth2-jwt).
  return getUser(fakeUsersDb, token);
}

const getCurrentUser = dependency([Depends(oauth2Scheme)], async (token: string) => {
  const user = fakeDecodeToken(token);
  if (!user) throw new HttpException(status.HTTP_401_UNAUTHORIZED, 'Not authenticated', { 'WWW-Authenticate': 'Bearer' });
  return user;
});

const getCurrentActiveUser = dependency([Depends(getCurrentUser)], async (currentUser: UserInDB) => {
  if (currentUser.disabled) throw new HttpException(400, 'Inactive user');
  return currentUser;
});

@Controller()
class AuthController {
  @Post('/token', { summary: 'Login' })
  login(@Depends(OAuth2PasswordRequestForm) formData: OAuth2PasswordRequestForm) {
    const user = getUser(fakeUsersDb, formData.username);
    if (!user) throw new HttpException(400, 'Incorrect username or password');
    if (fakeHashPassword(formData.password) !== user.hashed_password) throw new HttpException(400, 'Incorrect username or password');
    return { access_token: user.username, token_type: 'bearer' };
  }

  @Get('/users/me', { summary: 'Read Users Me' })
  readUsersMe(@Depends(getCurrentActiveUser) currentUser: UserInDB) {
    return currentUser;
  }
}

@Module({ controllers: [AuthController] })
class AppModule {}

export const app = await bootstrap(AppModule);
