import 'reflect-metadata';
import { IsString, Length } from 'class-validator';
import { Body, Connection, Controller, Get, Hub, Module, Param, Post, Query, WebSocket, redisAdapter, type HubOptions } from 'zigmund';
import { PageController } from './page.js';

/** What every member of a room receives, as JSON text. */
export type ChatEvent =
  | { type: 'joined' | 'left'; room: string; name: string }
  | { type: 'message'; room: string; name: string; text: string };

class Announcement {
  @IsString()
  @Length(1, 500)
  text!: string;
}

@Controller()
export class ChatController {
  @WebSocket('/chat/:room', { summary: 'Chat in a room: send text, receive the room’s events as JSON', maxMessageBytes: 4096, pingIntervalMs: 30_000 })
  async chat(conn: Connection, @Param('room') room: string, @Query('name', { default: 'anonymous' }) name: string, hub: Hub) {
    const who = name.trim().slice(0, 40) || 'anonymous';
    // Awaited so that, with Redis, messages from the other servers reach this member from now on.
    await hub.join(room, conn);
    await hub.publish(room, { type: 'joined', room, name: who } satisfies ChatEvent);
    try {
      for await (const msg of conn) {
        if (msg.opcode !== 'text') continue;
        await hub.publish(room, { type: 'message', room, name: who, text: msg.text() } satisfies ChatEvent);
      }
    } finally {
      // The connection has left the room by itself; the others hear about it.
      await hub.publish(room, { type: 'left', room, name: who } satisfies ChatEvent);
    }
  }

  @Get('/rooms', { summary: 'The rooms with members on this server' })
  rooms(hub: Hub) {
    return [...hub.rooms()].map((room) => ({ room, members: hub.size(room) }));
  }

  @Post('/rooms/:room/announcements', { summary: 'Post a message to a room from outside the chat' })
  async announce(@Param('room') room: string, @Body() body: Announcement, hub: Hub) {
    await hub.publish(room, { type: 'message', room, name: 'server', text: body.text } satisfies ChatEvent);
    return { room, members: hub.size(room) };
  }
}

/** The Hub of the sample: Redis when `REDIS_URL` is set (several servers, one chat), else in memory. */
export function hubOptions(env: Record<string, string | undefined> = process.env): HubOptions {
  return env.REDIS_URL ? { adapter: redisAdapter({ url: env.REDIS_URL }) } : {};
}

@Module({ controllers: [ChatController, PageController] })
export class ChatModule {}
