import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { SignJWT, type JWTPayload } from 'jose';
import {
  Connection,
  Controller,
  Get,
  HttpException,
  Inject,
  Injectable,
  JWTBearer,
  Module,
  OAuth2PasswordRequestForm,
  Post,
  Security,
  WebSocket,
  dependency,
} from 'zigmund';
import { demoUsers, UserStore, type PublicUser } from './users.js';

// Set AUTH_SECRET to keep tokens valid across restarts; without it each start signs with a new random key.
const SECRET = process.env.AUTH_SECRET ?? randomBytes(32).toString('base64url');
const ISSUER = 'zigmund-auth-sample';
const TOKEN_LIFETIME_SEC = 30 * 60;
const SCOPES = { me: 'Read your own profile', items: 'Read your items', chat: 'Join the chat' };

/** Verifies the tokens `/token` issues; documented as OAuth2's password flow, so Swagger UI's Authorize logs in. */
export const jwt = new JWTBearer({ secret: SECRET, issuer: ISSUER, audience: ISSUER, algorithms: ['HS256'], tokenUrl: '/token', scopes: SCOPES });

export const USERS = Symbol('users');

/** The user a valid token names; 401 when the user no longer exists. */
const currentUser = dependency([Security(jwt, ['me']), Inject(USERS)], (claims: JWTPayload, users: UserStore): PublicUser => {
  const user = typeof claims.sub === 'string' ? users.find(claims.sub) : undefined;
  if (!user) throw new HttpException(401, 'Unknown user', { 'www-authenticate': 'Bearer error="invalid_token"' });
  return user;
});

@Controller()
export class AuthController {
  constructor(@Inject(USERS) private readonly users: UserStore) {}

  @Post('/token', { summary: 'Log in with a user name and password; answers a bearer JWT' })
  async login(form: OAuth2PasswordRequestForm) {
    const user = await this.users.authenticate(form.username, form.password);
    if (!user) throw new HttpException(401, 'Incorrect username or password', { 'www-authenticate': 'Bearer' });
    // Grant what was asked for and allowed; asking for nothing grants everything the user may have.
    const scopes = form.scopes.length === 0 ? user.scopes : form.scopes.filter((s) => user.scopes.includes(s));
    const accessToken = await new SignJWT({ scope: scopes.join(' ') })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(user.username)
      .setIssuer(ISSUER)
      .setAudience(ISSUER)
      .setIssuedAt()
      .setExpirationTime(`${TOKEN_LIFETIME_SEC}s`)
      .sign(new TextEncoder().encode(SECRET));
    return { access_token: accessToken, token_type: 'bearer', expires_in: TOKEN_LIFETIME_SEC, scope: scopes.join(' ') };
  }

  @Get('/users/me', { summary: 'The logged-in user' })
  me(@Security(currentUser) user: PublicUser) {
    return user;
  }

  @Get('/users/me/items', { summary: "The logged-in user's items (scope: items)" })
  items(@Security(currentUser, ['items']) user: PublicUser) {
    return [{ id: 1, title: 'Notebook', owner: user.username }];
  }
}

/** Who is in the chat. */
@Injectable()
export class ChatRoom {
  readonly members = new Set<Connection>();

  async broadcast(text: string): Promise<void> {
    await Promise.allSettled([...this.members].map((conn) => conn.sendText(text)));
  }
}

@Controller()
export class ChatController {
  constructor(private readonly room: ChatRoom) {}

  /**
   * Browsers cannot set headers on a WebSocket: they send the token as `?token=` or offer the
   * subprotocols `['chat', 'bearer.<token>']` (the server answers `chat`, never the token).
   */
  @WebSocket('/chat', { summary: 'A chat for logged-in users (scope: chat)', subprotocols: ['chat'], idleTimeoutMs: 0 })
  async chat(conn: Connection, @Security(jwt, ['chat']) claims: JWTPayload) {
    const name = String(claims.sub);
    this.room.members.add(conn);
    try {
      await this.room.broadcast(`${name} joined`);
      for await (const msg of conn) if (msg.opcode === 'text') await this.room.broadcast(`${name}: ${msg.text()}`);
    } finally {
      this.room.members.delete(conn);
      await this.room.broadcast(`${name} left`);
    }
  }
}

@Module({
  controllers: [AuthController, ChatController],
  providers: [{ provide: USERS, useFactory: demoUsers }, ChatRoom],
})
export class AuthModule {}
