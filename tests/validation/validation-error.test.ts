import 'reflect-metadata';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { IsInt, IsString } from 'class-validator';
import { Body, bootstrap, Connection, Controller, Depends, dependency, Module, Post, RequestValidationError, WebSocket, type App } from 'zigmund';
import { TestPeer } from '../websocket/support.js';

class Item {
  @IsString()
  title!: string;

  @IsInt()
  size!: number;
}

let seen: unknown;

// A dependency without inputs runs before the body fails, and its teardown is handed the error.
const watchErrors = dependency([], function* watchErrors() {
  try {
    yield undefined;
  } catch (err) {
    seen = err;
    throw err;
  }
});

@Controller()
class ItemsController {
  @Post('/items/')
  create(@Depends(watchErrors) _watch: undefined, @Body() item: Item) {
    return item;
  }

  @WebSocket('/items/ws')
  async echoErrors(conn: Connection) {
    try {
      await conn.receiveJson(Item);
    } catch (err) {
      if (!(err instanceof RequestValidationError)) throw err;
      await conn.sendJson({ detail: err.errors(), body: err.body });
    }
  }
}

@Module({ controllers: [ItemsController] })
class ItemsModule {}

async function waitFor<T>(read: () => T | undefined, ms = 2000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('RequestValidationError carries the body and errors()', () => {
  let app: App;
  let url: string;
  before(async () => {
    app = await bootstrap(ItemsModule, { logStartup: false });
    url = await app.serve({ port: 0 });
  });
  after(() => app.close());

  test('test_handling_errors/test_tutorial005::test_post_validation_error: POST /items/ {"title":"towel","size":"XL"} → the error holds the body', async () => {
    seen = undefined;
    const res = await fetch(`${url}/items/`, { method: 'POST', body: JSON.stringify({ title: 'towel', size: 'XL' }), headers: { 'content-type': 'application/json' } });
    assert.equal(res.status, 422);
    const { detail } = (await res.json()) as { detail: { loc: unknown[] }[] };
    assert.deepEqual(detail[0].loc, ['body', 'size']);
    const err = await waitFor(() => seen);
    assert.ok(err instanceof RequestValidationError);
    assert.deepEqual(err.body, { title: 'towel', size: 'XL' });
    assert.deepEqual(err.errors(), detail);
  });

  test('a body that is not JSON is carried as its text', async () => {
    seen = undefined;
    const res = await fetch(`${url}/items/`, { method: 'POST', body: 'title=towel', headers: { 'content-type': 'text/plain' } });
    assert.equal(res.status, 422);
    const err = await waitFor(() => seen);
    assert.ok(err instanceof RequestValidationError);
    assert.equal(err.body, 'title=towel');
  });

  test('test_handling_errors/test_tutorial005: a WebSocket handler echoes {detail: errors(), body} of a bad message', async () => {
    const peer = await TestPeer.open(`${url.replace('http', 'ws')}/items/ws`);
    peer.ws.send(JSON.stringify({ title: 'towel', size: 'XL' }));
    const answer = JSON.parse(String(await peer.next())) as { detail: { loc: unknown[] }[]; body: unknown };
    assert.deepEqual(answer.body, { title: 'towel', size: 'XL' });
    assert.deepEqual(answer.detail.map((d) => d.loc), [['message', 'size']]);
    assert.equal((await peer.closed).code, 1000);
  });
});
