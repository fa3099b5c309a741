import 'reflect-metadata';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Type } from 'class-transformer';
import { IsArray, IsOptional, IsString, ValidateNested } from 'class-validator';
import { Body, Connection, ConnectionClosed, Controller, Module, Post, Request, RequestValidationError, WebSocket, bootstrap, type App } from 'zigmund';
import { TestPeer } from '../websocket/support.js';

class Node {
  @IsString()
  name!: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => Node)
  child?: Node;

  @IsOptional()
  @IsArray()
  tags?: unknown[];
}

@Controller()
class DeepController {
  @Post('/nodes')
  create(@Body() node: Node) {
    return { name: node.name };
  }

  @Post('/model', { responseModel: Node })
  model(@Body() node: Node) {
    return node;
  }

  @Post('/raw')
  async raw(req: Request) {
    await req.json();
    return { ok: true };
  }

  @WebSocket('/ws')
  async socket(conn: Connection) {
    for (;;) {
      try {
        const node = await conn.receiveJson(Node);
        await conn.sendJson({ ok: node.name });
      } catch (err) {
        if (err instanceof ConnectionClosed) return;
        if (!(err instanceof RequestValidationError)) throw err;
        await conn.sendJson({ error: err.detail });
      }
    }
  }
}

@Module({ controllers: [DeepController] })
class DeepModule {}

/** `{"name":"n","child":{…}}` nested `depth` times. */
const selfNested = (depth: number) => '{"name":"n","child":'.repeat(depth) + '{"name":"leaf"}' + '}'.repeat(depth);
/** A valid DTO whose unknown key holds an object nested `depth` deep. */
const deepUnknown = (depth: number) => `{"name":"n","extra":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`;
/** `tags` holding arrays nested `depth` deep. */
const deepTags = (depth: number) => `{"name":"n","tags":${'['.repeat(depth)}${']'.repeat(depth)}}`;

/** The next message, or a failure naming the close code if the server closed the socket instead. */
function nextOrClose(peer: TestPeer): Promise<string> {
  return Promise.race([peer.next().then(String), peer.closed.then(({ code }) => Promise.reject(new Error(`closed with ${code}`)))]);
}

describe('deeply nested JSON', () => {
  let app: App;
  let url: string;
  const logged: unknown[] = [];
  const consoleError = console.error;
  before(async () => {
    console.error = (...args: unknown[]) => void logged.push(args);
    app = await bootstrap(DeepModule, { logStartup: false, handleSignals: false });
    url = await app.serve({ port: 0 });
  });
  after(async () => {
    console.error = consoleError;
    await app.close();
  });

  const post = async (path: string, body: string) => {
    const res = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return { status: res.status, body: (await res.json()) as { detail: { type: string; loc: unknown[]; ctx?: { maxDepth?: number } }[] } };
  };

  for (const [name, body] of [
    ['a self-nested DTO 2,000 deep', selfNested(2_000)],
    ['an unknown key holding a 100,000-deep object', deepUnknown(100_000)],
    ['tags nested 5,000 arrays deep', deepTags(5_000)],
  ] as const) {
    test(`answers 422 json_too_deep to ${name}, never a 500`, async () => {
      const res = await post('/nodes', body);
      assert.equal(res.status, 422);
      assert.equal(res.body.detail[0].type, 'json_too_deep');
      assert.deepEqual(res.body.detail[0].loc.slice(0, 1), ['body']);
      assert.equal(res.body.detail[0].ctx?.maxDepth, 64);
    });
  }

  test('req.json() refuses a too-deep body with 422 as well', async () => {
    const res = await post('/raw', deepUnknown(100_000));
    assert.equal(res.status, 422);
    assert.equal(res.body.detail[0].type, 'json_too_deep');
  });

  test('accepts nesting up to the default depth of 64', async () => {
    // The outermost object is level 1, so 63 `child` levels reach depth 64.
    const res = await post('/nodes', selfNested(63));
    assert.deepEqual(res, { status: 200, body: { name: 'n' } as never });
    assert.equal((await post('/nodes', selfNested(64))).status, 422);
  });

  test('nothing was logged as an unhandled error', () => {
    assert.deepEqual(logged, []);
  });

  test('conn.receiveJson(Dto) rejects a too-deep message with a validation error and keeps the connection open', async () => {
    const peer = await TestPeer.open(`${url.replace('http', 'ws')}/ws`);
    for (const body of [selfNested(2_000), deepUnknown(100_000), deepTags(5_000)]) {
      peer.ws.send(body);
      const answer = JSON.parse(await nextOrClose(peer)) as { error: { type: string; loc: unknown[] }[] };
      assert.equal(answer.error[0].type, 'json_too_deep');
      assert.deepEqual(answer.error[0].loc, ['message']);
    }
    peer.ws.send('{"name":"still open"}');
    assert.deepEqual(JSON.parse(await nextOrClose(peer)), { ok: 'still open' });
    peer.ws.close(1000);
    assert.equal((await peer.closed).code, 1000);
  });
});

describe('maxJsonDepth', () => {
  let app: App;
  let url: string;
  before(async () => {
    app = await bootstrap(DeepModule, { logStartup: false, handleSignals: false, maxJsonDepth: 3 });
    url = await app.serve({ port: 0 });
  });
  after(() => app.close());

  test('the app option sets the bound for bodies and messages', async () => {
    const post = (body: string) => fetch(`${url}/nodes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then((r) => r.status);
    assert.equal(await post(selfNested(2)), 200);
    assert.equal(await post(selfNested(3)), 422);
    const peer = await TestPeer.open(`${url.replace('http', 'ws')}/ws`);
    peer.ws.send(selfNested(3));
    assert.equal((JSON.parse(await nextOrClose(peer)) as { error: { type: string }[] }).error[0].type, 'json_too_deep');
    peer.ws.close();
    await peer.closed;
  });
});

describe('the highest maxJsonDepth', () => {
  let app: App;
  let url: string;
  before(async () => {
    app = await bootstrap(DeepModule, { logStartup: false, handleSignals: false, maxJsonDepth: 256 });
    url = await app.serve({ port: 0 });
  });
  after(() => app.close());

  test('validates, rejects and serialises DTOs nested 256 deep without overflowing the stack', async () => {
    const post = async (path: string, body: string) => {
      const res = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      return { status: res.status, text: await res.text() };
    };
    const valid = selfNested(255);
    // A number where a string belongs, at the innermost level, sends the body through class-validator itself.
    const invalid = '{"name":"n","child":'.repeat(255) + '{"name":1}' + '}'.repeat(255);
    for (const path of ['/nodes', '/model']) {
      assert.equal((await post(path, valid)).status, 200);
      const rejected = await post(path, invalid);
      assert.equal(rejected.status, 422);
      assert.match(rejected.text, /"string_type"/);
      assert.equal((await post(path, deepUnknown(255))).status, 200);
      assert.equal((await post(path, deepTags(255))).status, 200);
    }
    assert.equal((await post('/model', valid)).text, valid);
  });

  test('refuses a maxJsonDepth over 256 at creation', async () => {
    await assert.rejects(bootstrap(DeepModule, { logStartup: false, maxJsonDepth: 257 }), /maxJsonDepth must be a whole number from 1 to 256, got 257/);
  });
});
