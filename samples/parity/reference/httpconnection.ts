// Mirrors FastAPI's reference page "HTTPConnection class" (docs/en/docs/reference/httpconnection.md):
// a dependency meant for both HTTP routes and WebSockets asks for the connection's request. In
// Zigmund that is `Request` itself — a WebSocket's handshake is a Request too (`req.isWebSocket`).
import 'reflect-metadata';
import { Connection, Controller, Depends, Get, Module, Request, WebSocket, bootstrap, dependency } from 'zigmund';

const clientInfo = dependency([Request], (conn: Request) => ({
  kind: conn.isWebSocket ? 'websocket' : 'http',
  path: conn.path,
  user_agent: conn.headers['user-agent'] ?? null,
}));

@Controller()
class InfoController {
  @Get('/info')
  info(@Depends(clientInfo) info: object) {
    return info;
  }

  @WebSocket('/ws')
  async ws(conn: Connection, @Depends(clientInfo) info: object) {
    await conn.sendJson(info);
  }
}

@Module({ controllers: [InfoController] })
class AppModule {}

export const app = await bootstrap(AppModule);
