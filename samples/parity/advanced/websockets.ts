// Mirrors FastAPI's "WebSockets" (docs/en/docs/advanced/websockets.md): an echo endpoint, one with
// path/query parameters and a cookie-or-token dependency, and a chat that broadcasts to every
// connection and announces who left. Differences: Zigmund accepts the connection itself (no
// `websocket.accept()`), and a refusal before the handshake (WebSocketException from a dependency,
// a bad query value) is an HTTP answer (403, 422) instead of a close frame 1008 after accepting.
import 'reflect-metadata';
import {
  Connection,
  ConnectionClosed,
  Controller,
  Cookie,
  Depends,
  Get,
  Module,
  Param,
  Query,
  Response,
  WebSocket,
  WebSocketException,
  bootstrap,
  dependency,
  status,
} from 'zigmund';

export const html = `
<!DOCTYPE html>
<html>
    <head>
        <title>Chat</title>
    </head>
    <body>
        <h1>WebSocket Chat</h1>
        <form action="" onsubmit="sendMessage(event)">
            <input type="text" id="messageText" autocomplete="off"/>
            <button>Send</button>
        </form>
        <ul id='messages'>
        </ul>
        <script>
            var ws = new WebSocket("ws://localhost:8000/ws");
            ws.onmessage = function(event) {
                var messages = document.getElementById('messages')
                var message = document.createElement('li')
                var content = document.createTextNode(event.data)
                message.appendChild(content)
                messages.appendChild(message)
            };
            function sendMessage(event) {
                var input = document.getElementById("messageText")
                ws.send(input.value)
                input.value = ''
                event.preventDefault()
            }
        </script>
    </body>
</html>
`;

const getCookieOrToken = dependency(
  [Cookie('session', { required: false }), Query('token', { required: false })],
  (session: string | undefined, token: string | undefined) => {
    if (session === undefined && token === undefined) throw new WebSocketException(status.WS_1008_POLICY_VIOLATION, '');
    return session ?? token;
  },
);

/** The page's ConnectionManager (Zigmund's Hub does this with rooms, across processes too). */
class ConnectionManager {
  readonly activeConnections: Connection[] = [];

  connect(conn: Connection): void {
    this.activeConnections.push(conn);
  }

  disconnect(conn: Connection): void {
    this.activeConnections.splice(this.activeConnections.indexOf(conn), 1);
  }

  async sendPersonalMessage(message: string, conn: Connection): Promise<void> {
    await conn.sendText(message);
  }

  async broadcast(message: string): Promise<void> {
    for (const conn of this.activeConnections) await conn.sendText(message);
  }
}

const manager = new ConnectionManager();

@Controller()
class ChatController {
  @Get('/')
  get() {
    return Response.html(html);
  }

  @WebSocket('/ws')
  async websocketEndpoint(conn: Connection) {
    for await (const msg of conn) await conn.sendText(`Message text was: ${msg.text()}`);
  }

  @WebSocket('/items/:item_id/ws')
  async itemsEndpoint(
    conn: Connection,
    @Param('item_id') itemId: string,
    @Query('q', { integer: true, required: false }) q: number | undefined,
    @Depends(getCookieOrToken) cookieOrToken: string,
  ) {
    for await (const msg of conn) {
      await conn.sendText(`Session cookie or query token value is: ${cookieOrToken}`);
      if (q !== undefined) await conn.sendText(`Query parameter q is: ${q}`);
      await conn.sendText(`Message text was: ${msg.text()}, for item ID: ${itemId}`);
    }
  }

  @WebSocket('/ws/:client_id')
  async chat(conn: Connection, @Param('client_id', { integer: true }) clientId: number) {
    manager.connect(conn);
    try {
      for (;;) {
        const data = (await conn.receive()).text();
        await manager.sendPersonalMessage(`You wrote: ${data}`, conn);
        await manager.broadcast(`Client #${clientId} says: ${data}`);
      }
    } catch (err) {
      if (!(err instanceof ConnectionClosed)) throw err;
      manager.disconnect(conn);
      await manager.broadcast(`Client #${clientId} left the chat`);
    }
  }
}

@Module({ controllers: [ChatController] })
class AppModule {}

export const app = await bootstrap(AppModule);
