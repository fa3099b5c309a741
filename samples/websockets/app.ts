import 'reflect-metadata';
import {
  Controller, Get, WebSocket, Module,
  Connection, Request, Arena, ConnectionClosed, ConnectionTimeout,
} from 'zigmund';
import { PageController } from './page.js';

// The reference example of the design, unchanged but for the exports and the demo page.
@Controller()
export class ChatController {
  @Get('/info', { summary: 'WebSocket route info endpoint' })
  info() {
    return { message: 'WebSocket echo server — connect at /ws' };
  }

  @WebSocket('/ws', {
    summary: 'WebSocket echo handler with message prefix',
    idleTimeoutMs: 30_000,
    maxMessageBytes: 4096,
  })
  async chat(conn: Connection, req: Request, arena: Arena) {
    await conn.sendText('connected');
    while (true) {
      let msg;
      try {
        msg = await conn.receiveSmall();
      } catch (err) {
        if (err instanceof ConnectionClosed) return;
        if (err instanceof ConnectionTimeout) continue;
        throw err;
      }
      if (msg.opcode === 'text') await conn.sendText(`echo: ${msg.text()}`);
    }
  }
}

@Module({ controllers: [ChatController, PageController] })
export class AppModule {}
