// A small app for tests/e2e/shutdown-signal.test.ts: run it, SIGTERM it, watch it stop gracefully.
import 'reflect-metadata';
import { setTimeout as sleep } from 'node:timers/promises';
import { Connection, Controller, Get, Module, OnShutdown, Injectable, WebSocket, bootstrap } from 'zigmund';

const say = (event: string, extra: object = {}) => console.log(JSON.stringify({ event, ...extra }));

@Injectable()
class Store {
  @OnShutdown()
  flush() {
    say('shutdown hook');
  }
}

@Controller()
class SlowController {
  constructor(private readonly store: Store) {}

  @Get('/slow')
  async slow() {
    say('slow started');
    await sleep(300);
    say('slow done');
    return { done: true, store: this.store instanceof Store };
  }

  @WebSocket('/ws')
  async ws(conn: Connection) {
    await conn.sendText('open');
    for await (const msg of conn) await conn.sendText(msg.text());
    say('ws ended', { code: conn.lastCloseCode });
  }
}

@Module({ controllers: [SlowController], providers: [Store] })
class ShutdownModule {}

const app = await bootstrap(ShutdownModule, { logStartup: false });
say('listening', { url: await app.serve({ port: 0 }) });
