// Mirrors FastAPI's reference page "Test Client - TestClient" (docs/en/docs/reference/testclient.md):
// the app the test beside drives with TestClient — every HTTP method, query, headers, cookies
// kept between calls, JSON, forms, files, a raw body, streams, SSE and a WebSocket, in process.
import { Response, createApp, type Connection, type Request } from 'zigmund';

export const app = createApp();

const echo = async (req: Request) => ({
  method: req.method,
  query: req.query,
  header: req.headers['x-test'] ?? null,
  cookie: req.cookies.session ?? null,
  body: (await req.text()) || null,
});
for (const method of ['get', 'post', 'put', 'patch', 'delete', 'options'] as const) app[method]('/echo', echo);
app.head('/echo', () => Response.text('', 200, { 'X-Head': 'yes' }));

app.post('/login', (req: Request, res: Response) => {
  res.setCookie('session', 'logged-in', { path: '/' });
  return { ok: true };
});

app.post('/form', async (req: Request) => {
  const form = await req.form();
  return { fields: Object.fromEntries(form.fields), files: [...form.files.values()].flat().map((f) => [f.filename, f.text()]) };
});

app.get('/stream', () =>
  Response.stream(
    (async function* () {
      for (let i = 0; i < 3; i++) yield `chunk ${i}\n`;
    })(),
    { contentType: 'text/plain' },
  ),
);

app.get('/events', () => Response.sse([{ id: '1', event: 'tick', data: { n: 1 } }, 'plain'], { pingIntervalMs: 0 }));

app.websocket('/ws', async (conn: Connection) => {
  await conn.sendJson({ msg: 'Hello WebSocket' });
  for await (const msg of conn) await conn.sendText(`echo: ${msg.text()}`);
});
