// Mirrors FastAPI's tutorial/server-sent-events (docs/en/docs/tutorial/server-sent-events.md).
// `response_class=EventSourceResponse` on a generator is, here, the generator wrapped in
// Response.sse(). FastAPI always JSON-encodes `data` and has `raw_data` for text sent as is;
// Zigmund sends a string `data` as written and any other value as JSON, so the page's
// `data=word` (a JSON string) is `JSON.stringify(word)` and `raw_data=…` is a plain string; an
// item yielded bare is `{ data: item }`, since a bare object is read as the event itself.
import 'reflect-metadata';
import { IsString } from 'class-validator';
import { Body, Controller, Get, Header, Module, Post, Response, bootstrap, createApp, type ServerSentEvent } from 'zigmund';

export interface Item {
  name: string;
  description: string | null;
}

const items: Item[] = [
  { name: 'Plumbus', description: 'A multi-purpose household device.' },
  { name: 'Portal Gun', description: 'A portal opening device.' },
  { name: 'Meeseeks Box', description: 'A box that summons a Meeseeks.' },
];

// A plain object yielded to Response.sse() is an event, so an item is its `data`.
async function* sseItems(): AsyncGenerator<ServerSentEvent> {
  for (const item of items) yield { data: item };
}

function* sseItemsNoAsync(): Generator<ServerSentEvent> {
  for (const item of items) yield { data: item };
}

const eventStream = { contentType: 'text/event-stream' };

/** The page's first example: each item is an event whose data is the item as JSON. */
export const app = createApp();
app.get('/items/stream', () => Response.sse(sseItems()), { summary: 'Sse Items', ...eventStream });
app.get('/items/stream-no-async', () => Response.sse(sseItemsNoAsync()), { summary: 'Sse Items No Async', ...eventStream });
app.get('/items/stream-no-annotation', () => Response.sse(sseItems()), { summary: 'Sse Items No Annotation', ...eventStream });
app.get('/items/stream-no-async-no-annotation', () => Response.sse(sseItemsNoAsync()), { summary: 'Sse Items No Async No Annotation', ...eventStream });

const priced = [
  { name: 'Plumbus', price: 32.99 },
  { name: 'Portal Gun', price: 999.99 },
  { name: 'Meeseeks Box', price: 49.99 },
];

/** `ServerSentEvent` fields: a comment, then events with `event`, `id` and `retry`. */
export const eventsApp = createApp();
eventsApp.get(
  '/items/stream',
  () =>
    Response.sse(
      (async function* (): AsyncGenerator<ServerSentEvent> {
        yield { comment: 'stream of item updates' };
        for (const [i, item] of priced.entries()) yield { data: item, event: 'item_update', id: String(i + 1), retry: 5000 };
      })(),
    ),
  { summary: 'Stream Items', ...eventStream },
);

/** Raw data: log lines sent as written, without JSON quotes. */
export const logsApp = createApp();
logsApp.get(
  '/logs/stream',
  () =>
    Response.sse(
      (async function* (): AsyncGenerator<ServerSentEvent> {
        const logs = ['2025-01-01 INFO  Application started', '2025-01-01 DEBUG Connected to database', '2025-01-01 WARN  High memory usage detected'];
        for (const line of logs) yield { data: line };
      })(),
    ),
  { summary: 'Stream Logs', ...eventStream },
);

/** Resuming: the browser's `Last-Event-ID` is an ordinary (integer) header parameter. */
@Controller()
class ResumeController {
  @Get('/items/stream', { summary: 'Stream Items', ...eventStream })
  streamItems(@Header('last-event-id', { required: false, integer: true }) lastEventId?: number) {
    const start = lastEventId === undefined ? 0 : lastEventId + 1;
    return Response.sse(
      (async function* (): AsyncGenerator<ServerSentEvent> {
        for (const [i, item] of priced.entries()) if (i >= start) yield { data: item, id: String(i) };
      })(),
    );
  }
}

@Module({ controllers: [ResumeController] })
class ResumeModule {}

export const resumeApp = await bootstrap(ResumeModule);

export class Prompt {
  @IsString()
  text!: string;
}

/** SSE over POST, as MCP streams it: a token per word, then a raw `[DONE]`. */
@Controller()
class ChatController {
  @Post('/chat/stream', { summary: 'Stream Chat', ...eventStream })
  streamChat(@Body() prompt: Prompt) {
    return Response.sse(
      (async function* (): AsyncGenerator<ServerSentEvent> {
        for (const word of prompt.text.split(/\s+/).filter(Boolean)) yield { data: JSON.stringify(word), event: 'token' };
        yield { data: '[DONE]', event: 'done' };
      })(),
    );
  }
}

@Module({ controllers: [ChatController] })
class ChatModule {}

export const chatApp = await bootstrap(ChatModule);
