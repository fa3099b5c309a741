// Mirrors FastAPI's reference page "Server-Sent Events - EventSourceResponse and ServerSentEvent"
// (docs/en/docs/reference/sse.md): `Response.sse(source, { pingIntervalMs })` is EventSourceResponse
// over a generator; items are strings (the data) or ServerSentEvent objects with `data`, `event`,
// `id`, `retry` and `comment`. FastAPI's `response_class=EventSourceResponse` on a generator
// function is, here, the generator wrapped in Response.sse().
import { Response, createApp, type ServerSentEvent } from 'zigmund';

export const app = createApp();

app.get('/events', () =>
  Response.sse(
    (async function* (): AsyncGenerator<ServerSentEvent | string> {
      yield 'plain data';
      yield { data: { price: 42 }, event: 'price', id: '7', retry: 3000 };
      yield { comment: 'just a comment', data: 'two\nlines' };
    })(),
    { pingIntervalMs: 0 },
  ),
);
