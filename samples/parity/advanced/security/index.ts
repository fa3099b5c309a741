// Mirrors FastAPI's "Advanced Security" (docs/en/docs/advanced/security/index.md), a landing page
// with no example of its own: the features of the next pages rest on the tutorial's concepts
// (a scheme is a dependency). One app uses both — OAuth2 scopes required along a dependency chain
// (oauth2-scopes) and HTTP Basic (http-basic-auth) — beside the tutorial's plain bearer route.
import 'reflect-metadata';
import {
  Controller,
  Depends,
  Get,
  HTTPBasic,
  Module,
  OAuth2PasswordBearer,
  Security,
  SecurityScopes,
  bootstrap,
  dependency,
  type HTTPBasicCredentials,
} from 'zigmund';

const oauth2Scheme = new OAuth2PasswordBearer({ tokenUrl: 'token', scopes: { me: 'Read yourself.', items: 'Read items.' } });
const basic = new HTTPBasic();

// A fake token "<user>:<scope> <scope>…"; the oauth2-scopes page signs real JWTs.
const getCurrentUser = dependency([SecurityScopes, Security(oauth2Scheme)], (securityScopes: SecurityScopes, token: string) => {
  const [username, granted = ''] = token.split(':');
  securityScopes.require(granted);
  return { username };
});

const getCurrentActiveUser = dependency([Security(getCurrentUser, ['me'])], (user: { username: string }) => user);

@Controller()
class AdvancedController {
  /** The tutorial's: any bearer token. */
  @Get('/token')
  token(@Depends(oauth2Scheme) token: string) {
    return { token };
  }

  /** OAuth2 scopes: this route needs `items`, and the user dependency needs `me`. */
  @Get('/users/me/items/')
  items(@Security(getCurrentActiveUser, ['items']) user: { username: string }) {
    return [{ item_id: 'Foo', owner: user.username }];
  }

  /** HTTP Basic. */
  @Get('/basic')
  basic(@Depends(basic) credentials: HTTPBasicCredentials) {
    return { username: credentials.username };
  }
}

@Module({ controllers: [AdvancedController] })
class AppModule {}

export const app = await bootstrap(AppModule);
