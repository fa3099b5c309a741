// Mirrors FastAPI's reference page "Exceptions - HTTPException and WebSocketException"
// (docs/en/docs/reference/exceptions.md): HttpException(status, detail, headers) answers
// `{"detail": …}` with its headers; WebSocketException(code, reason) closes a WebSocket with that
// code (or, thrown before the handshake, refuses it).
import { HttpException, WebSocketException, createApp, status, type Connection, type Request } from 'zigmund';

const items: Record<string, string> = { foo: 'The Foo Wrestlers' };

export const app = createApp();

app.get('/items/:item_id', (req: Request) => {
  const item = items[req.params.item_id!];
  if (item === undefined) throw new HttpException(404, 'Item not found', { 'X-Error': 'There goes my error' });
  return { item };
});

app.get('/teapot', () => {
  throw new HttpException(status.HTTP_418_IM_A_TEAPOT, { reason: 'short and stout' });
});

app.websocket('/ws', async (conn: Connection) => {
  const msg = await conn.receive();
  if (msg.text() !== 'let me in') throw new WebSocketException(status.WS_1008_POLICY_VIOLATION, 'wrong password');
  await conn.sendText('welcome');
});
