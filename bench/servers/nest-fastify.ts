// NestJS on Fastify; the app itself is in nest-app.ts.
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { configure, rootModule } from './nest-app.js';
import { serverPort } from './env.js';

const app = await NestFactory.create<NestFastifyApplication>(rootModule(), new FastifyAdapter(), { logger: false });
configure(app);
await app.listen(serverPort(), '127.0.0.1');
