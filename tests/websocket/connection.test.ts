import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IsString } from 'class-validator';
import { RequestValidationError } from '../../src/validation/errors.js';
import { ConnectionClosed } from '../../src/websocket/errors.js';
import { connectClient, delay, serve, signal } from './socket-harness.js';

test('delivers 50 messages in order to a slow handler', async (t) => {
  const served = await serve(async (conn) => {
    const texts: string[] = [];
    for (let i = 0; i < 50; i++) {
      if (i % 10 === 0) await delay(5);
      texts.push((await conn.receive()).text());
    }
    return texts;
  });
  t.after(() => served.stop());
  const peer = await served.connect();
  for (let i = 0; i < 50; i++) peer.ws.send(String(i));
  const { result } = await served.session;
  assert.deepEqual(result, Array.from({ length: 50 }, (_, i) => String(i)));
});

test('receives text, binary and JSON with their opcodes and sends each kind back', async (t) => {
  const served = await serve(async (conn) => {
    const text = await conn.receive();
    await conn.sendText(`echo: ${text.text()}`);
    const binary = await conn.receive();
    await conn.sendBinary(Buffer.from(binary.data).reverse());
    await conn.sendJson({ got: await conn.receiveJson() });
    return [text.opcode, binary.opcode];
  });
  t.after(() => served.stop());
  const peer = await served.connect();
  peer.ws.send('hi');
  peer.ws.send(Buffer.from([1, 2, 3]));
  peer.ws.send('{"a":1}');
  assert.deepEqual(await peer.next(), { data: Buffer.from('echo: hi'), isBinary: false });
  assert.deepEqual(await peer.next(), { data: Buffer.from([3, 2, 1]), isBinary: true });
  assert.deepEqual(await peer.next(), { data: Buffer.from('{"got":{"a":1}}'), isBinary: false });
  assert.deepEqual((await served.session).result, ['text', 'binary']);
});

test('receiveJson rejects invalid JSON with a json_invalid error and the connection stays open', async (t) => {
  const served = await serve(async (conn) => {
    const error = await conn.receiveJson().catch((err: unknown) => err);
    await conn.sendText('still open');
    return { error, next: (await conn.receive()).text() };
  });
  t.after(() => served.stop());
  const peer = await served.connect();
  peer.ws.send('{oops');
  assert.equal(await peer.nextText(), 'still open');
  peer.ws.send('next');
  const { result } = await served.session;
  const { error, next } = result as { error: RequestValidationError; next: string };
  assert.ok(error instanceof RequestValidationError);
  assert.equal(error.detail[0].type, 'json_invalid');
  assert.deepEqual(error.detail[0].loc, ['message']);
  assert.equal(error.detail[0].input, '{oops');
  assert.equal(next, 'next');
});

class Greeting {
  @IsString()
  name!: string;
}

test('receiveJson validates against a DTO, locating failures under "message"', async (t) => {
  const served = await serve(async (conn) => {
    const error = await conn.receiveJson(Greeting).catch((err: unknown) => err);
    const greeting = await conn.receiveJson(Greeting);
    return { error, greeting };
  });
  t.after(() => served.stop());
  const peer = await served.connect();
  peer.ws.send('{"name":5}');
  peer.ws.send('{"name":"Ada"}');
  const { error, greeting } = (await served.session).result as { error: RequestValidationError; greeting: Greeting };
  assert.ok(error instanceof RequestValidationError);
  assert.deepEqual(error.detail[0].loc, ['message', 'name']);
  assert.ok(greeting instanceof Greeting);
  assert.equal(greeting.name, 'Ada');
});

test('close sends the code and a reason cut to 123 bytes between characters, once', async (t) => {
  const served = await serve(async (conn) => {
    assert.throws(() => conn.close(1006), RangeError);
    await conn.close(4000, 'ab' + '€'.repeat(50));
    await conn.close(1000);
    const sendError = await conn.sendText('late').catch((err: unknown) => err);
    return { sendError, code: conn.lastCloseCode, isOpen: conn.isOpen };
  });
  t.after(() => served.stop());
  const peer = await served.connect();
  const closed = await peer.closed;
  assert.equal(closed.code, 4000);
  assert.equal(closed.reason, 'ab' + '€'.repeat(40));
  assert.equal(Buffer.byteLength(closed.reason), 122);
  const { sendError, code, isOpen } = (await served.session).result as { sendError: ConnectionClosed; code: number; isOpen: boolean };
  assert.ok(sendError instanceof ConnectionClosed);
  assert.equal(sendError.code, 4000);
  assert.equal(code, 4000);
  assert.equal(isOpen, false);
});

test('receive delivers queued messages, then rejects with the peer close code and reason', async (t) => {
  const served = await serve(async (conn) => {
    await conn.closed;
    const texts = [(await conn.receive()).text(), (await conn.receive()).text()];
    return { texts, error: await conn.receive().catch((err: unknown) => err) };
  });
  t.after(() => served.stop());
  const peer = await served.connect();
  peer.ws.send('a');
  peer.ws.send('b');
  peer.ws.close(4001, 'done');
  const { texts, error } = (await served.session).result as { texts: string[]; error: ConnectionClosed };
  assert.deepEqual(texts, ['a', 'b']);
  assert.ok(error instanceof ConnectionClosed);
  assert.equal(error.code, 4001);
  assert.equal(error.reason, 'done');
});

test('closed resolves with 1006 when the client vanishes, failing a pending receive and later sends', async (t) => {
  const served = await serve(async (conn) => {
    const pending = conn.receive().catch((err: unknown) => err);
    await conn.sendText('ready');
    const info = await conn.closed;
    return { info, receiveError: await pending, sendError: await conn.sendText('x').catch((err: unknown) => err) };
  });
  t.after(() => served.stop());
  const peer = await served.connect();
  assert.equal(await peer.nextText(), 'ready');
  peer.ws.terminate();
  const { result } = await served.session;
  const { info, receiveError, sendError } = result as { info: { code: number }; receiveError: ConnectionClosed; sendError: ConnectionClosed };
  assert.equal(info.code, 1006);
  assert.ok(receiveError instanceof ConnectionClosed);
  assert.equal(receiveError.code, 1006);
  assert.ok(sendError instanceof ConnectionClosed);
});

test('for await yields every message, outlasts idle timeouts and ends when the client closes', async (t) => {
  const served = await serve(
    async (conn) => {
      const texts: string[] = [];
      for await (const message of conn) texts.push(message.text());
      return { texts, code: conn.lastCloseCode };
    },
    { idleTimeoutMs: 20 },
  );
  t.after(() => served.stop());
  const peer = await served.connect();
  peer.ws.send('x');
  // Three idleTimeoutMs pass with nothing to read: the loop must outlive them.
  await delay(60);
  peer.ws.send('y');
  peer.ws.send('z');
  peer.ws.close(4000, 'bye');
  assert.deepEqual((await served.session).result, { texts: ['x', 'y', 'z'], code: 4000 });
});

test('a client-side ws wrapped in Connection talks to the server with the same API', async (t) => {
  const served = await serve(async (conn) => {
    for await (const message of conn) await conn.sendText(message.text());
  });
  t.after(() => served.stop());
  const { ws, client } = await connectClient(served.url);
  t.after(() => ws.terminate());
  await client.sendText('hi');
  assert.equal((await client.receive()).text(), 'hi');
  await client.sendJson({ a: 1 });
  assert.deepEqual(await client.receiveJson(), { a: 1 });
  await client.close(1000, 'bye');
  assert.deepEqual(await client.closed, { code: 1000, reason: 'bye' });
  assert.equal((await served.session).conn.lastCloseCode, 1000);
});

test('reports the agreed subprotocol and the peer address', async (t) => {
  const ready = signal();
  const served = await serve(
    async (conn) => {
      await ready.promise;
      return { subprotocol: conn.subprotocol, remoteAddress: conn.remoteAddress };
    },
    { subprotocols: ['chat.v2', 'chat'] },
  );
  t.after(() => served.stop());
  const peer = await served.connect({ protocols: ['chat'] });
  assert.equal(peer.ws.protocol, 'chat');
  ready.resolve();
  assert.deepEqual((await served.session).result, { subprotocol: 'chat', remoteAddress: '127.0.0.1' });
  await peer.closed;
});

test('the Message helpers decode text and JSON', async (t) => {
  const served = await serve(async (conn) => {
    const message = await conn.receive();
    return { text: message.text(), json: message.json() };
  });
  t.after(() => served.stop());
  const peer = await served.connect();
  peer.ws.send('{"n":[1,2]}');
  assert.deepEqual((await served.session).result, { text: '{"n":[1,2]}', json: { n: [1, 2] } });
});
