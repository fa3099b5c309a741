// The Zigmund app of the benchmark: controllers, a class-validator DTO, a request-scoped provider
// and an async generator dependency, a @WebSocket echo, and the 1,000-route app built with the
// same decorators. zigmund.ts serves it; dispatch.ts calls its request listener in-process.
import 'reflect-metadata';
import { IsNumber, IsString } from 'class-validator';
import {
  Body, Connection, ConnectionClosed, Controller, Depends, Get, Injectable, Module, Param, Post, Query,
  WebSocket, dependency,
} from 'zigmund';
import { routeCount } from './env.js';
import { generatedPath } from './generated-routes.js';

export class ItemIn {
  @IsString()
  name!: string;

  @IsNumber()
  price!: number;
}

@Injectable({ scope: 'request' })
export class Greeter {
  greet(): string {
    return 'Hello World';
  }
}

const sessions = { opened: 0, closed: 0 };

const session = dependency([], async function* session() {
  const current = { open: true };
  sessions.opened++;
  try {
    yield current;
  } finally {
    current.open = false;
    sessions.closed++;
  }
});

@Controller()
export class BenchController {
  @Get('/hello')
  hello() {
    return { message: 'Hello World' };
  }

  @Get('/items/:id')
  item(@Param('id', { integer: true }) id: number, @Query('q', { required: false }) q?: string) {
    return { item_id: id, q };
  }

  @Post('/items', { status: 201 })
  create(@Body() item: ItemIn) {
    return item;
  }

  @Get('/di')
  di(greeter: Greeter, @Depends(session) current: { open: boolean }) {
    return { message: greeter.greet(), session: current.open };
  }

  @Get('/di/stats')
  stats() {
    return sessions;
  }

  @WebSocket('/ws')
  async echo(conn: Connection) {
    while (true) {
      let msg;
      try {
        msg = await conn.receive();
      } catch (err) {
        if (err instanceof ConnectionClosed) return;
        throw err;
      }
      if (msg.opcode === 'text') await conn.sendText(`echo: ${msg.text()}`);
      else await conn.sendBinary(msg.data);
    }
  }
}

@Module({ controllers: [BenchController], providers: [Greeter] })
export class BenchModule {}

/** The startup workload: `count` routes in controllers of ten, decorated as a user would write them. */
function manyRoutesModule(count: number): Function {
  const controllers: Function[] = [];
  for (let first = 0; first < count; first += 10) {
    const controller = class {};
    for (let i = first; i < Math.min(first + 10, count); i++) {
      const { route } = generatedPath(i);
      const name = `route${i}`;
      Object.defineProperty(controller.prototype, name, { value: (id: number) => ({ id }), writable: true, configurable: true });
      Reflect.decorate(
        [Get(`${route}/:id`), (target: object, key: string | symbol) => Param('id', { integer: true })(target, key, 0), Reflect.metadata('design:paramtypes', [Number])],
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

/** The module to serve: the workloads, or the startup workload's routes when ROUTES is set. */
export function rootModule(): Function {
  const count = routeCount();
  return count > 0 ? manyRoutesModule(count) : BenchModule;
}
