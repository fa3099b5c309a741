// Mirrors FastAPI's "Testing WebSockets" (docs/en/docs/advanced/testing-websockets.md): the app
// under test; the test beside it connects with TestClient.websocketConnect(), in process.
import { createApp, type Connection } from 'zigmund';

export const app = createApp();

app.get('/', () => ({ msg: 'Hello World' }));

app.websocket('/ws', async (conn: Connection) => {
  await conn.sendJson({ msg: 'Hello WebSocket' });
  await conn.close();
});
