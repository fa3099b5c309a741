// Mirrors FastAPI's reference page "Custom Response Classes" (docs/en/docs/reference/responses.md):
// each response class and its Zigmund constructor — JSONResponse `Response.json`, HTMLResponse
// `Response.html`, PlainTextResponse `Response.text`, RedirectResponse `Response.redirect`,
// StreamingResponse `Response.stream`, FileResponse `Response.file`, Response `Response.bytes`.
// The deprecated UJSONResponse and ORJSONResponse have no counterpart.
import { fileURLToPath } from 'node:url';
import { Response, createApp } from 'zigmund';

export const app = createApp();

const thisFile = fileURLToPath(import.meta.url);
export { thisFile };

app.get('/json', () => Response.json({ hello: 'world' }, 200, { 'X-Kind': 'json' }));
app.get('/html', () => Response.html('<h1>Hi</h1>'));
app.get('/text', () => Response.text('Hello World'));
app.get('/redirect', () => Response.redirect('/json'));
app.get('/stream', () =>
  Response.stream(
    (async function* () {
      yield 'a';
      yield 'b';
    })(),
    { contentType: 'text/plain' },
  ),
);
app.get('/file', () => Response.file(thisFile, { filename: 'responses.js', contentType: 'text/javascript' }));
app.get('/raw', () => Response.bytes(Buffer.from([1, 2, 3])));
