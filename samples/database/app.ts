import 'reflect-metadata';
import { IsString, MinLength } from 'class-validator';
import { Body, Connection, Controller, Depends, Get, HttpException, Module, Param, Post, WebSocket } from 'zigmund';
import { Database, DatabaseModule, connection, transaction } from './database.js';
import { DuplicateKey, type DbConnection } from './engine.js';

export class NoteIn {
  @IsString()
  @MinLength(1)
  title!: string;

  @IsString()
  body!: string;
}

@Controller('/notes', { tags: ['notes'] })
export class NotesController {
  constructor(private readonly db: Database) {}

  @Get('', { summary: 'List notes' })
  list(@Depends(connection) conn: DbConnection) {
    return conn.all();
  }

  @Get('/pool', { summary: 'Connection pool statistics' })
  pool() {
    return this.db.pool.stats;
  }

  @Get('/:id', { summary: 'Read a note' })
  async read(@Param('id', { integer: true }) id: number, @Depends(connection) conn: DbConnection) {
    const note = await conn.get(id);
    if (!note) throw new HttpException(404, `Note ${id} not found`);
    return note;
  }

  @Post('', { summary: 'Create a note', status: 201 })
  create(@Body() note: NoteIn, @Depends(transaction) tx: DbConnection) {
    return insert(tx, note);
  }

  @Post('/batch', { summary: 'Create several notes: all or none', status: 201 })
  async batch(@Body({ type: [NoteIn] }) notes: NoteIn[], @Depends(transaction) tx: DbConnection) {
    const created = [];
    for (const note of notes) created.push(await insert(tx, note));
    return created;
  }

  /** Each message `{title, body}` is saved in its own transaction and echoed back with its id. */
  @WebSocket('/live', { summary: 'Create notes over a WebSocket', maxMessageBytes: 16 * 1024 })
  async live(conn: Connection, @Depends(connection) db: DbConnection) {
    await conn.sendJson({ connected: true, connection: db.id });
    for await (const msg of conn) {
      const note = msg.json() as NoteIn;
      await db.begin();
      try {
        const saved = await insert(db, note);
        await db.commit();
        await conn.sendJson(saved);
      } catch (err) {
        await db.rollback();
        await conn.sendJson({ error: err instanceof HttpException ? err.detail : 'failed' });
      }
    }
  }
}

async function insert(conn: DbConnection, note: NoteIn) {
  try {
    return await conn.insert(note.title, note.body);
  } catch (err) {
    if (err instanceof DuplicateKey) throw new HttpException(409, err.message);
    throw err;
  }
}

@Module({ imports: [DatabaseModule], controllers: [NotesController] })
export class AppModule {}
