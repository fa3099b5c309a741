// Mirrors FastAPI's "HTTP Basic Auth" (docs/en/docs/advanced/security/http-basic-auth.md):
// `HTTPBasic` gives the credentials (401 with `WWW-Authenticate: Basic` without them), and
// `compareDigest` is Python's secrets.compare_digest, comparing in constant time.
import 'reflect-metadata';
import {
  Controller,
  Depends,
  Get,
  HTTPBasic,
  HttpException,
  Module,
  bootstrap,
  compareDigest,
  dependency,
  status,
  type HTTPBasicCredentials,
} from 'zigmund';

const security = new HTTPBasic();

const getCurrentUsername = dependency([Depends(security)], (credentials: HTTPBasicCredentials) => {
  const isCorrectUsername = compareDigest(Buffer.from(credentials.username, 'utf8'), Buffer.from('stanleyjobson', 'utf8'));
  const isCorrectPassword = compareDigest(Buffer.from(credentials.password, 'utf8'), Buffer.from('swordfish', 'utf8'));
  if (!(isCorrectUsername && isCorrectPassword)) {
    throw new HttpException(status.HTTP_401_UNAUTHORIZED, 'Incorrect username or password', { 'WWW-Authenticate': 'Basic' });
  }
  return credentials.username;
});

@Controller()
class UsersController {
  /** The page's first app: the credentials as they came. */
  @Get('/credentials/me')
  readCredentials(@Depends(security) credentials: HTTPBasicCredentials) {
    return { username: credentials.username, password: credentials.password };
  }

  /** The page's second app: checked against the expected ones. */
  @Get('/users/me')
  readCurrentUser(@Depends(getCurrentUsername) username: string) {
    return { username };
  }
}

@Module({ controllers: [UsersController] })
class AppModule {}

export const app = await bootstrap(AppModule);
