// NestJS on Express (the default platform); the app itself is in nest-app.ts.
import { NestFactory } from '@nestjs/core';
import { configure, rootModule } from './nest-app.js';
import { serverPort } from './env.js';

const app = await NestFactory.create(rootModule(), { logger: false });
configure(app);
await app.listen(serverPort(), '127.0.0.1');
