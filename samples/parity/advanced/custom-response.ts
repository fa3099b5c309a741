// Mirrors FastAPI's "Custom Response - HTML, Stream, File, others"
// (docs/en/docs/advanced/custom-response.md). FastAPI's `response_class=HTMLResponse` is the
// route option `contentType` (the returned string is written as it is, and OpenAPI lists that
// media type); `RedirectResponse`, `StreamingResponse`, `FileResponse` are `Response.redirect`,
// `Response.stream`, `Response.file`; a custom JSON rendering is `Response.bytes` with its bytes;
// `default_response_class` is the app option `defaultContentType`.
import { Response, createApp } from 'zigmund';

export const htmlContent = `
    <html>
        <head>
            <title>Some HTML in here</title>
        </head>
        <body>
            <h1>Look ma! HTML!</h1>
        </body>
    </html>
    `;

/** The file FileResponse / a streamed file sends (the test points it at a temporary file). */
export const files = { someFilePath: 'large-video-file.mp4' };

export const app = createApp();

// response_class=HTMLResponse: the string is the body, text/html in the docs.
app.get('/items/', () => htmlContent, { contentType: 'text/html; charset=utf-8' });

// HTMLResponse returned directly: the docs know nothing of it (application/json, as in FastAPI).
app.get('/items-direct/', () => Response.html(htmlContent, 200));

// A function building the HTMLResponse, and the route still declaring text/html for the docs.
function generateHtmlResponse(): Response {
  return Response.html(htmlContent, 200);
}
app.get('/items-generated/', () => generateHtmlResponse(), { contentType: 'text/html; charset=utf-8' });

// response_class=PlainTextResponse.
app.get('/', () => 'Hello World', { contentType: 'text/plain; charset=utf-8' });

// RedirectResponse: 307 by default, 302 when asked.
app.get('/typer', () => Response.redirect('https://typer.tiangolo.com'));
app.get('/fastapi', () => Response.redirect('https://fastapi.tiangolo.com'));
app.get('/pydantic', () => Response.redirect('https://docs.pydantic.dev/', 302), { status: 302 });

// StreamingResponse over an async generator.
async function* fakeVideoStreamer() {
  for (let i = 0; i < 10; i++) {
    yield Buffer.from('some fake video bytes');
    await new Promise((resolve) => setImmediate(resolve));
  }
}
app.get('/video-stream', () => Response.stream(fakeVideoStreamer()));

// StreamingResponse over a file-like object: a Node Readable.
app.get('/video-file-stream', async () => {
  const { createReadStream } = await import('node:fs');
  return Response.stream(createReadStream(files.someFilePath), { contentType: 'video/mp4' });
});

// FileResponse.
app.get('/video', () => Response.file(files.someFilePath));

// A custom response class rendering JSON indented (FastAPI's CustomORJSONResponse).
function indentedJson(content: unknown): Response {
  return Response.bytes(Buffer.from(JSON.stringify(content, null, 2)), 'application/json');
}
app.get('/indented', () => indentedJson({ message: 'Hello World' }));

// default_response_class=HTMLResponse: the app's `defaultContentType` for every route.
export const defaultHtmlApp = createApp({ defaultContentType: 'text/html; charset=utf-8' });
defaultHtmlApp.get('/items/', () => '<h1>Items</h1><p>This is a list of items.</p>');
