// Mirrors FastAPI's tutorial/stream-json-lines (docs/en/docs/tutorial/stream-json-lines.md): items
// streamed one JSON object per line as `application/jsonl`. A path operation that `yield`s is, here,
// a generator (async or not) wrapped in Response.jsonLines(); TypeScript's return annotation is
// erased at run time, so the four variants of the page (async or not, annotated or not) are the
// same code with a sync or an async generator.
import { Response, createApp } from 'zigmund';

export interface Item {
  name: string;
  description: string | null;
}

export const items: Item[] = [
  { name: 'Plumbus', description: 'A multi-purpose household device.' },
  { name: 'Portal Gun', description: 'A portal opening device.' },
  { name: 'Meeseeks Box', description: 'A box that summons a Meeseeks.' },
];

async function* streamItems(): AsyncGenerator<Item> {
  for (const item of items) yield item;
}

function* streamItemsNoAsync(): Generator<Item> {
  for (const item of items) yield item;
}

// `contentType` documents the media type in OpenAPI; the Response carries its own header.
const documented = { contentType: 'application/jsonl' };

export const app = createApp();
app.get('/items/stream', () => Response.jsonLines(streamItems()), { summary: 'Stream Items', ...documented });
app.get('/items/stream-no-async', () => Response.jsonLines(streamItemsNoAsync()), { summary: 'Stream Items No Async', ...documented });
app.get('/items/stream-no-annotation', () => Response.jsonLines(streamItems()), { summary: 'Stream Items No Annotation', ...documented });
app.get('/items/stream-no-async-no-annotation', () => Response.jsonLines(streamItemsNoAsync()), {
  summary: 'Stream Items No Async No Annotation',
  ...documented,
});
