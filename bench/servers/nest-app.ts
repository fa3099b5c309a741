// NestJS as its docs teach: a global class-validator ValidationPipe, ParseIntPipe, a
// REQUEST-scoped provider with an interceptor for the DI workload, a WsAdapter gateway.
// Served on Express by nest-express.ts and on Fastify by nest-fastify.ts.
import 'reflect-metadata';
import {
  Body, CallHandler, Controller, ExecutionContext, Get, HttpCode, Injectable, Module, NestInterceptor, Param,
  ParseIntPipe, Post, Query, Req, Scope, UseInterceptors, ValidationPipe, type INestApplication, type Type,
} from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { WsAdapter } from '@nestjs/platform-ws';
import { IsNumber, IsString } from 'class-validator';
import { finalize, type Observable } from 'rxjs';
import type { WebSocket } from 'ws';
import { routeCount } from './env.js';
import { generatedPath } from './generated-routes.js';

export class ItemIn {
  @IsString()
  name!: string;

  @IsNumber()
  price!: number;
}

@Injectable({ scope: Scope.REQUEST })
export class Greeter {
  greet(): string {
    return 'Hello World';
  }
}

const sessions = { opened: 0, closed: 0 };

interface WithSession {
  benchSession: { open: boolean };
}

@Injectable()
export class SessionInterceptor implements NestInterceptor {
  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const session = { open: true };
    sessions.opened++;
    context.switchToHttp().getRequest<WithSession>().benchSession = session;
    return next.handle().pipe(
      finalize(() => {
        session.open = false;
        sessions.closed++;
      }),
    );
  }
}

@Controller()
export class BenchController {
  @Get('/hello')
  hello() {
    return { message: 'Hello World' };
  }

  @Get('/items/:id')
  item(@Param('id', ParseIntPipe) id: number, @Query('q') q?: string) {
    return { item_id: id, q };
  }

  @Post('/items')
  @HttpCode(201)
  create(@Body() item: ItemIn) {
    return item;
  }

  @Get('/di/stats')
  stats() {
    return sessions;
  }
}

@Controller('/di')
@UseInterceptors(SessionInterceptor)
export class DiController {
  constructor(private readonly greeter: Greeter) {}

  @Get()
  di(@Req() req: WithSession) {
    return { message: this.greeter.greet(), session: req.benchSession.open };
  }
}

@WebSocketGateway({ path: '/ws' })
export class EchoGateway {
  @SubscribeMessage('message')
  echo(@MessageBody() data: string, @ConnectedSocket() client: WebSocket) {
    client.send(`echo: ${data}`);
  }
}

@Module({ controllers: [BenchController, DiController], providers: [Greeter, SessionInterceptor, EchoGateway] })
export class BenchModule {}

/** The startup workload: `count` routes in controllers of ten, decorated as a user would write them. */
function manyRoutesModule(count: number): Type {
  const controllers: Type[] = [];
  for (let first = 0; first < count; first += 10) {
    const controller = class {};
    for (let i = first; i < Math.min(first + 10, count); i++) {
      const { route } = generatedPath(i);
      const name = `route${i}`;
      Object.defineProperty(controller.prototype, name, { value: (id: number) => ({ id }), writable: true, configurable: true });
      Reflect.decorate(
        [Get(`${route}/:id`), (target: object, key: string | symbol) => Param('id', ParseIntPipe)(target, key, 0), Reflect.metadata('design:paramtypes', [Number])],
        controller.prototype,
        name,
        Object.getOwnPropertyDescriptor(controller.prototype, name),
      );
    }
    Reflect.decorate([Controller(generatedPath(first).prefix)], controller);
    controllers.push(controller);
  }
  class ManyRoutesModule {}
  Reflect.decorate([Module({ controllers })], ManyRoutesModule);
  return ManyRoutesModule;
}

/** The root module of this run: the workloads, or the 1,000-route app when ROUTES is set. */
export function rootModule(): Type {
  const count = routeCount();
  return count > 0 ? manyRoutesModule(count) : BenchModule;
}

/** What both platforms configure the same way. */
export function configure(app: INestApplication): void {
  app.useGlobalPipes(new ValidationPipe());
  app.useWebSocketAdapter(new WsAdapter(app, { messageParser: (data) => ({ event: 'message', data: data.toString() }) }));
}
