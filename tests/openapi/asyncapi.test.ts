import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Type } from 'class-transformer';
import { IsInt, IsString, Min, ValidateNested } from 'class-validator';
import { Parser } from '@asyncapi/parser';
import { Connection, Controller, Get, Header, Module, Param, Query, WebSocket, bootstrap, createApp, type AsyncApiDocument } from 'zigmund';
import { HelloModule } from '../../samples/hello/app.js';
import { ItemsModule } from '../../samples/items/app.js';
import { AppModule as DatabaseModule } from '../../samples/database/app.js';
import { AppModule as WebSocketsModule } from '../../samples/websockets/app.js';

enum Room {
  Lobby = 'lobby',
  Games = 'games',
}

class Author {
  @IsString()
  nick!: string;
}

class ChatLine {
  @IsString()
  text!: string;
}

class ChatEvent {
  @IsString()
  kind!: string;

  @ValidateNested()
  @Type(() => Author)
  author!: Author;

  @IsInt()
  @Min(0)
  seq!: number;
}

@Controller('/chat', { tags: ['chat'] })
class ChatController {
  @Get('/rooms')
  rooms() {
    return Object.values(Room);
  }

  @WebSocket('/:room', {
    summary: 'Chat in a room',
    description: 'One message per line.',
    receives: ChatLine,
    sends: ChatEvent,
    maxMessageBytes: 2048,
  })
  chat(
    conn: Connection,
    @Param('room', { enum: Room, description: 'Room to join', example: 'lobby' }) room: string,
    @Query('nick') nick: string,
    @Query('history', { integer: true, default: 0 }) history: number,
    @Header('x-client', { required: false }) client?: string,
  ) {
    return conn.close(1000, `${room}${nick}${history}${client}`);
  }

  @WebSocket('/admin', { includeInSchema: false })
  admin(conn: Connection) {
    return conn.close();
  }

  @WebSocket('/echo', { operationId: 'echo', receives: ChatLine, sends: ChatLine })
  echo(conn: Connection) {
    return conn.close();
  }
}

@Module({ controllers: [ChatController] })
class ChatModule {}

function chatApp() {
  return bootstrap(ChatModule, {
    title: 'Chat',
    version: '3.0.0',
    description: 'Rooms and lines',
    servers: [
      { url: 'https://chat.example.test/api' },
      { url: 'http://127.0.0.1:8000', description: 'local' },
      { url: '/relative' },
    ],
    license: { name: 'MIT', url: 'https://opensource.org/license/mit' },
    logStartup: false,
  });
}

async function assertValidAsyncApi(doc: AsyncApiDocument): Promise<void> {
  const { document, diagnostics } = await new Parser().parse(JSON.stringify(doc));
  // Severity 0 is an error and 1 a warning; hints and infos (such as "3.1.0 exists") are fine.
  const problems = diagnostics.filter((d) => d.severity <= 1).map((d) => `${d.code} at ${d.path.join('.')}: ${d.message}`);
  assert.deepEqual(problems, []);
  assert.ok(document, 'the parser returns a document');
}

test('the document is AsyncAPI 3.0.0 with info from the app options', async () => {
  const doc = (await chatApp()).asyncapi();
  assert.equal(doc.asyncapi, '3.0.0');
  assert.deepEqual(doc.info, {
    title: 'Chat',
    version: '3.0.0',
    description: 'Rooms and lines',
    license: { name: 'MIT', url: 'https://opensource.org/license/mit' },
  });
  assert.equal(doc.defaultContentType, 'application/json');
});

test('absolute http(s) servers become ws(s) servers; relative ones are left out', async () => {
  const doc = (await chatApp()).asyncapi();
  assert.deepEqual(doc.servers, {
    server1: { host: 'chat.example.test', protocol: 'wss', pathname: '/api' },
    server2: { host: '127.0.0.1:8000', protocol: 'ws', description: 'local' },
  });
});

test('each documented WebSocket route is a channel keyed by its operation id; HTTP and hidden routes are not', async () => {
  const doc = (await chatApp()).asyncapi();
  assert.deepEqual(Object.keys(doc.channels), ['ChatController_chat', 'echo']);
  const chat = doc.channels.ChatController_chat;
  assert.equal(chat.address, '/chat/{room}');
  assert.equal(chat.summary, 'Chat in a room');
  assert.equal(chat.description, 'One message per line.');
  assert.deepEqual(chat.tags, [{ name: 'chat' }]);
  assert.equal(chat['x-websocket']?.maxMessageBytes, 2048);
});

test('path parameters are channel parameters with their enum, description and example', async () => {
  const doc = (await chatApp()).asyncapi();
  assert.deepEqual(doc.channels.ChatController_chat.parameters, {
    room: { description: 'Room to join', enum: ['lobby', 'games'], examples: ['lobby'] },
  });
  assert.equal(doc.channels.echo.parameters, undefined);
});

test('query and header parameters of the handshake form the ws binding', async () => {
  const doc = (await chatApp()).asyncapi();
  assert.deepEqual(doc.channels.ChatController_chat.bindings?.ws, {
    method: 'GET',
    query: {
      type: 'object',
      properties: { nick: { type: 'string' }, history: { type: 'integer', default: 0 } },
      required: ['nick'],
    },
    headers: { type: 'object', properties: { 'x-client': { type: 'string' } } },
    bindingVersion: '0.1.0',
  });
  assert.equal(doc.channels.echo.bindings, undefined);
});

test('receives and sends become receive and send operations whose messages carry the DTO schemas', async () => {
  const doc = (await chatApp()).asyncapi();
  assert.deepEqual(doc.channels.ChatController_chat.messages, {
    ChatLine: { $ref: '#/components/messages/ChatLine' },
    ChatEvent: { $ref: '#/components/messages/ChatEvent' },
  });
  assert.deepEqual(doc.operations.ChatController_chat_receive, {
    action: 'receive',
    channel: { $ref: '#/channels/ChatController_chat' },
    summary: 'Chat in a room',
    messages: [{ $ref: '#/channels/ChatController_chat/messages/ChatLine' }],
  });
  assert.equal(doc.operations.ChatController_chat_send.action, 'send');
  assert.deepEqual(doc.operations.ChatController_chat_send.messages, [{ $ref: '#/channels/ChatController_chat/messages/ChatEvent' }]);
  assert.deepEqual(doc.components.messages.ChatEvent, {
    name: 'ChatEvent',
    title: 'ChatEvent',
    contentType: 'application/json',
    payload: { $ref: '#/components/schemas/ChatEvent' },
  });
  const event = doc.components.schemas.ChatEvent;
  assert.deepEqual(event.properties?.author, { $ref: '#/components/schemas/Author' });
  assert.deepEqual(event.properties?.seq, { type: 'integer', minimum: 0 });
  assert.deepEqual(doc.components.schemas.Author.required, ['nick']);
});

test('one DTO both received and sent is one message used by both operations', async () => {
  const doc = (await chatApp()).asyncapi();
  assert.deepEqual(doc.channels.echo.messages, { ChatLine: { $ref: '#/components/messages/ChatLine' } });
  assert.deepEqual(doc.operations.echo_receive.messages, [{ $ref: '#/channels/echo/messages/ChatLine' }]);
  assert.deepEqual(doc.operations.echo_send.messages, [{ $ref: '#/channels/echo/messages/ChatLine' }]);
});

test('a WebSocket route without receives or sends is a channel without operations', () => {
  const app = createApp({ logStartup: false });
  app.websocket('/ws', async (conn: Connection) => conn.close(), { summary: 'Raw frames' });
  const doc = app.asyncapi();
  assert.deepEqual(Object.keys(doc.channels), ['websocket_ws']);
  assert.equal(doc.channels.websocket_ws.messages, undefined);
  assert.deepEqual(doc.operations, {});
});

test('app.asyncapi() is built once and built again after a route is added', () => {
  const app = createApp({ logStartup: false });
  const first = app.asyncapi();
  assert.equal(app.asyncapi(), first);
  app.websocket('/late', async (conn: Connection) => conn.close());
  assert.deepEqual(Object.keys(app.asyncapi().channels), ['websocket_late']);
});

test('the documents of the test app and of every sample validate against the AsyncAPI 3.0 schema', async () => {
  const apps = [
    await chatApp(),
    await bootstrap(HelloModule, { title: 'Hello', logStartup: false }),
    await bootstrap(ItemsModule, { title: 'Items', version: '1.0', logStartup: false }),
    await bootstrap(WebSocketsModule, { title: 'WebSocket Demo', version: '1.0', logStartup: false }),
    await bootstrap(DatabaseModule, { title: 'Notes', version: '1.0', logStartup: false }),
  ];
  for (const app of apps) await assertValidAsyncApi(app.asyncapi());
});
