// Mirrors FastAPI's reference page "WebSockets" (docs/en/docs/reference/websockets.md): the members
// of FastAPI's WebSocket and their Connection counterparts — receive_text/bytes/json are
// `receive()` with `text()`/`data`/`json()`, send_text/bytes/json are `sendText/sendBinary/sendJson`,
// close(code, reason), iter_text is `for await`; the handshake's url, headers, query and path
// parameters, cookies and client come from the Request; accept() is done by the framework.
import 'reflect-metadata';
import { Connection, ConnectionClosed, Controller, Module, Request, WebSocket, bootstrap } from 'zigmund';

@Controller()
class RoomController {
  @WebSocket('/ws/:room')
  async room(conn: Connection, req: Request) {
    await conn.sendJson({
      url: req.url,
      path_params: req.params,
      query_params: req.query,
      cookie: req.cookies.session ?? null,
      header: req.headers['x-client'] ?? null,
      client: req.ip,
    });
    const text = await conn.receive();
    await conn.sendText(`text: ${text.text()}`);
    const bytes = await conn.receive();
    await conn.sendBinary(Buffer.from([...bytes.data].reverse()));
    const json = await conn.receive();
    await conn.sendJson({ got: json.json() });
    try {
      for await (const msg of conn) {
        if (msg.text() === 'bye') return conn.close(4000, 'see you');
        await conn.sendText(`iter: ${msg.text()}`);
      }
    } catch (err) {
      if (!(err instanceof ConnectionClosed)) throw err;
    }
  }
}

@Module({ controllers: [RoomController] })
class AppModule {}

export const app = await bootstrap(AppModule);
