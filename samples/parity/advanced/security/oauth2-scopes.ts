// Mirrors FastAPI's "OAuth2 scopes" (docs/en/docs/advanced/security/oauth2-scopes.md): the password
// flow issuing JWTs with the scopes asked for, `SecurityScopes` collecting the scopes each route's
// chain requires, and a 401 naming them. JWTs are signed and verified with `jose` (PyJWT in the
// page); passwords are hashed with Node's scrypt (pwdlib's argon2 in the page).
import 'reflect-metadata';
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { IsBoolean, IsOptional, IsString } from 'class-validator';
import { SignJWT, jwtVerify } from 'jose';
import {
  Controller,
  Depends,
  Get,
  HttpException,
  Module,
  OAuth2PasswordBearer,
  OAuth2PasswordRequestForm,
  Post,
  Security,
  SecurityScopes,
  bootstrap,
  dependency,
  status,
} from 'zigmund';

// to get a string like this run: openssl rand -hex 32
const SECRET_KEY = '09d25e094faa6ca2556c818166b7a9563b93f7099f6f0f4caa6cf63b88e8d3e7';
const ALGORITHM = 'HS256';
const ACCESS_TOKEN_EXPIRE_MINUTES = 30;
const key = new TextEncoder().encode(SECRET_KEY);

export function getPasswordHash(password: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64')}$${scryptSync(password, salt, 32).toString('base64')}`;
}

export function verifyPassword(plainPassword: string, hashedPassword: string): boolean {
  const [, salt, hash] = hashedPassword.split('$');
  return timingSafeEqual(scryptSync(plainPassword, Buffer.from(salt!, 'base64'), 32), Buffer.from(hash!, 'base64'));
}

const DUMMY_HASH = getPasswordHash('dummypassword');

interface UserInDB {
  username: string;
  full_name: string | null;
  email: string | null;
  hashed_password: string;
  disabled: boolean;
}

export const fakeUsersDb: Record<string, UserInDB> = {
  johndoe: { username: 'johndoe', full_name: 'John Doe', email: 'johndoe@example.com', hashed_password: getPasswordHash('secret'), disabled: false },
  alice: { username: 'alice', full_name: 'Alice Chains', email: 'alicechains@example.com', hashed_password: getPasswordHash('secretalice'), disabled: true },
};

export class User {
  @IsString()
  username!: string;

  @IsOptional()
  @IsString()
  email: string | null = null;

  @IsOptional()
  @IsString()
  full_name: string | null = null;

  @IsOptional()
  @IsBoolean()
  disabled: boolean | null = null;
}

export class Token {
  @IsString()
  access_token!: string;

  @IsString()
  token_type!: string;
}

const oauth2Scheme = new OAuth2PasswordBearer({
  tokenUrl: 'token',
  scopes: { me: 'Read information about the current user.', items: 'Read items.' },
});

function authenticateUser(username: string, password: string): UserInDB | false {
  const user = fakeUsersDb[username];
  if (!user) {
    verifyPassword(password, DUMMY_HASH); // the same time spent whether the user exists or not
    return false;
  }
  return verifyPassword(password, user.hashed_password) ? user : false;
}

export async function createAccessToken(data: Record<string, unknown>, expiresMinutes = 15): Promise<string> {
  return new SignJWT(data).setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' }).setExpirationTime(`${expiresMinutes}m`).sign(key);
}

const getCurrentUser = dependency([SecurityScopes, Depends(oauth2Scheme)], async (securityScopes: SecurityScopes, token: string) => {
  const authenticateValue = securityScopes.scopes.length > 0 ? `Bearer scope="${securityScopes.scopeStr}"` : 'Bearer';
  const credentialsException = new HttpException(status.HTTP_401_UNAUTHORIZED, 'Could not validate credentials', { 'WWW-Authenticate': authenticateValue });
  let username: unknown;
  let tokenScopes: string[];
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: [ALGORITHM] });
    username = payload.sub;
    tokenScopes = String(payload.scope ?? '').split(' ');
  } catch {
    throw credentialsException;
  }
  if (typeof username !== 'string') throw credentialsException;
  const user = fakeUsersDb[username];
  if (!user) throw credentialsException;
  for (const scope of securityScopes.scopes) {
    if (!tokenScopes.includes(scope)) {
      throw new HttpException(status.HTTP_401_UNAUTHORIZED, 'Not enough permissions', { 'WWW-Authenticate': authenticateValue });
    }
  }
  return user;
});

const getCurrentActiveUser = dependency([Security(getCurrentUser, ['me'])], (currentUser: UserInDB) => {
  if (currentUser.disabled) throw new HttpException(400, 'Inactive user');
  return currentUser;
});

@Controller()
class AuthController {
  @Post('/token', { responseModel: Token })
  async loginForAccessToken(@Depends(OAuth2PasswordRequestForm) formData: OAuth2PasswordRequestForm) {
    const user = authenticateUser(formData.username, formData.password);
    if (!user) throw new HttpException(400, 'Incorrect username or password');
    const accessToken = await createAccessToken({ sub: user.username, scope: formData.scopes.join(' ') }, ACCESS_TOKEN_EXPIRE_MINUTES);
    return { access_token: accessToken, token_type: 'bearer' };
  }

  @Get('/users/me/', { responseModel: User })
  readUsersMe(@Depends(getCurrentActiveUser) currentUser: UserInDB) {
    return currentUser;
  }

  @Get('/users/me/items/')
  readOwnItems(@Security(getCurrentActiveUser, ['items']) currentUser: UserInDB) {
    return [{ item_id: 'Foo', owner: currentUser.username }];
  }

  @Get('/status/')
  readSystemStatus(@Depends(getCurrentUser) currentUser: UserInDB) {
    void currentUser;
    return { status: 'ok' };
  }
}

@Module({ controllers: [AuthController] })
class AppModule {}

export const app = await bootstrap(AppModule);
