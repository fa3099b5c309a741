// Mirrors FastAPI's "OAuth2 with Password (and hashing), Bearer with JWT tokens"
// (docs/en/docs/tutorial/security/oauth2-jwt.md): the token route checks a hashed password and
// signs a JWT that expires; the current-user dependency verifies it and looks its `sub` up.
// Python's libraries have TypeScript stand-ins, with no dependency added: the JWT is signed and
// verified with `jose` (PyJWT in the page), passwords are hashed with `node:crypto`'s scrypt
// (pwdlib's argon2 in the page). Zigmund's `JWTBearer` does this verification as a scheme of
// its own (docs/security.md); the page writes it by hand, and so does this sample.
import 'reflect-metadata';
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { IsBoolean, IsOptional, IsString } from 'class-validator';
import { SignJWT, jwtVerify } from 'jose';
import { Controller, Depends, Get, HttpException, Module, OAuth2PasswordBearer, OAuth2PasswordRequestForm, Post, bootstrap, dependency, status } from 'zigmund';

// to get a string like this run: openssl rand -hex 32
export const SECRET_KEY = '09d25e094faa6ca2556c818166b7a9563b93f7099f6f0f4caa6cf63b88e8d3e7';
const ALGORITHM = 'HS256';
const ACCESS_TOKEN_EXPIRE_MINUTES = 30;
const key = new TextEncoder().encode(SECRET_KEY);

// scrypt with a random salt per password (N=16384, r=8, p=1, node's defaults), stored as
// `scrypt$<salt>$<hash>` in base64, as argon2 hashes carry their own parameters and salt.
export function getPasswordHash(password: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64')}$${scryptSync(password, salt, 32).toString('base64')}`;
}

export function verifyPassword(plainPassword: string, hashedPassword: string): boolean {
  const [kind, salt, hash] = hashedPassword.split('$');
  if (kind !== 'scrypt' || salt === undefined || hash === undefined) return false;
  return timingSafeEqual(scryptSync(plainPassword, Buffer.from(salt, 'base64'), 32), Buffer.from(hash, 'base64'));
}

interface UserInDB {
  username: string;
  full_name: string | null;
  email: string | null;
  hashed_password: string;
  disabled: boolean | null;
}

export const fakeUsersDb: Record<string, UserInDB> = {
  johndoe: {
    username: 'johndoe',
    full_name: 'John Doe',
    email: 'johndoe@example.com',
    // getPasswordHash('secret')
    hashed_password: 'scrypt$k9OT+joocsNQAQmic5fciQ==$b/sWA09TljwOqgoFOUunAPIZCwQae9EJC28Br1sz6MQ=',
    disabled: false,
  },
};

export class Token {
  @IsString()
  access_token!: string;

  @IsString()
  token_type!: string;
}

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

const DUMMY_HASH = getPasswordHash('dummypassword');

const oauth2Scheme = new OAuth2PasswordBearer({ tokenUrl: 'token' });

function getUser(db: Record<string, UserInDB>, username: string): UserInDB | undefined {
  return Object.hasOwn(db, username) ? { ...db[username]! } : undefined;
}

function authenticateUser(db: Record<string, UserInDB>, username: string, password: string): UserInDB | false {
  const user = getUser(db, username);
  if (!user) {
    verifyPassword(password, DUMMY_HASH); // the same time spent whether the user exists or not
    return false;
  }
  if (!verifyPassword(password, user.hashed_password)) return false;
  return user;
}

/** Signs `data` with an `exp` claim `expiresDeltaMs` from now (15 minutes by default; negative for a token already expired). */
export async function createAccessToken(data: Record<string, unknown>, expiresDeltaMs = 15 * 60_000): Promise<string> {
  const expire = Math.floor((Date.now() + expiresDeltaMs) / 1000);
  return new SignJWT({ ...data, exp: expire }).setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' }).sign(key);
}

const getCurrentUser = dependency([Depends(oauth2Scheme)], async (token: string) => {
  const credentialsException = new HttpException(status.HTTP_401_UNAUTHORIZED, 'Could not validate credentials', { 'WWW-Authenticate': 'Bearer' });
  let username: unknown;
  try {
    // Any failure — malformed, bad signature, another algorithm, expired — is one answer.
    const { payload } = await jwtVerify(token, key, { algorithms: [ALGORITHM] });
    username = payload.sub;
  } catch {
    throw credentialsException;
  }
  if (typeof username !== 'string') throw credentialsException;
  const user = getUser(fakeUsersDb, username);
  if (!user) throw credentialsException;
  return user;
});

const getCurrentActiveUser = dependency([Depends(getCurrentUser)], async (currentUser: UserInDB) => {
  if (currentUser.disabled) throw new HttpException(400, 'Inactive user');
  return currentUser;
});

@Controller()
class AuthController {
  @Post('/token', { summary: 'Login For Access Token', responseModel: Token })
  async loginForAccessToken(@Depends(OAuth2PasswordRequestForm) formData: OAuth2PasswordRequestForm): Promise<Token> {
    const user = authenticateUser(fakeUsersDb, formData.username, formData.password);
    if (!user) throw new HttpException(status.HTTP_401_UNAUTHORIZED, 'Incorrect username or password', { 'WWW-Authenticate': 'Bearer' });
    const accessToken = await createAccessToken({ sub: user.username }, ACCESS_TOKEN_EXPIRE_MINUTES * 60_000);
    return { access_token: accessToken, token_type: 'bearer' };
  }

  @Get('/users/me/', { summary: 'Read Users Me', responseModel: User })
  readUsersMe(@Depends(getCurrentActiveUser) currentUser: UserInDB) {
    return currentUser;
  }

  @Get('/users/me/items/', { summary: 'Read Own Items' })
  readOwnItems(@Depends(getCurrentActiveUser) currentUser: UserInDB) {
    return [{ item_id: 'Foo', owner: currentUser.username }];
  }
}

@Module({ controllers: [AuthController] })
class AppModule {}

export const app = await bootstrap(AppModule);
