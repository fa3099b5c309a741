// Zigmund with a JWTBearer (HS256, jose) guarding GET /me; the secret comes from JWT_SECRET,
// JWT_CACHE=0 turns the verified-token cache (on by default) off.
import 'reflect-metadata';
import type { JWTPayload } from 'jose';
import { Controller, Get, JWTBearer, Module, Security, bootstrap } from 'zigmund';
import { serverPort } from './env.js';

const jwt = new JWTBearer({ secret: process.env.JWT_SECRET!, algorithms: ['HS256'], ...(process.env.JWT_CACHE === '0' && { cacheSize: 0 }) });

@Controller()
class JwtBenchController {
  @Get('/hello')
  hello() {
    return { message: 'Hello World' };
  }

  @Get('/me')
  me(@Security(jwt) claims: JWTPayload) {
    return { sub: claims.sub };
  }
}

@Module({ controllers: [JwtBenchController] })
class JwtBenchModule {}

const app = await bootstrap(JwtBenchModule, { logStartup: false });
await app.serve({ port: serverPort() });
