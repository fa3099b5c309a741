// Mirrors FastAPI's tutorial/sql-databases (docs/en/docs/tutorial/sql-databases.md). A TypeScript
// counterpart: FastAPI's page uses SQLModel (SQLAlchemy + pydantic) on a SQLite file; here the
// same SQLite engine runs in process through sql.js (SQLite compiled to WebAssembly), queried in
// plain SQL, and class-validator DTOs play the SQLModel classes. The database lives in memory
// (sql.js writes no file by itself; `engine.export()` gives the bytes of one). What carries over
// as is: one session per request from a generator dependency (`get_session`), closed after the
// response, the table created at startup, and the page's routes and answers.
import 'reflect-metadata';
import { IsInt, IsOptional, IsString } from 'class-validator';
import initSqlJs, { type BindParams, type Database } from 'sql.js';
import { Body, Controller, Delete, Depends, Get, HttpException, Module, Param, Patch, Post, Query, bootstrap } from 'zigmund';

const SQL = await initSqlJs();

/** FastAPI's `create_engine(sqlite_url)`: one SQLite database, here in memory. */
export function createEngine(): Database {
  return new SQL.Database();
}

/** SQLModel's `create_all`: the hero table and its indexes, when missing. */
function createDbAndTables(engine: Database): void {
  engine.run(`CREATE TABLE IF NOT EXISTS hero (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    age INTEGER,
    secret_name TEXT NOT NULL
  )`);
  engine.run('CREATE INDEX IF NOT EXISTS ix_hero_name ON hero (name)');
  engine.run('CREATE INDEX IF NOT EXISTS ix_hero_age ON hero (age)');
}

type Row = Record<string, number | string | null>;

/** Sessions not closed yet: the tests check that each request's teardown closed its own. */
export const openSessions = new Set<Session>();

/**
 * A request's unit of work, as SQLModel's `Session`: writes open a transaction that `commit()`
 * ends; closing a session with uncommitted writes rolls them back.
 */
export class Session {
  private inTransaction = false;

  constructor(private readonly engine: Database) {
    openSessions.add(this);
  }

  all<T = Row>(sql: string, params: BindParams = []): T[] {
    const statement = this.engine.prepare(sql, params);
    try {
      const rows: T[] = [];
      while (statement.step()) rows.push(statement.getAsObject() as T);
      return rows;
    } finally {
      statement.free();
    }
  }

  get<T = Row>(sql: string, params: BindParams = []): T | undefined {
    return this.all<T>(sql, params)[0];
  }

  /** Runs a write inside the session's transaction; returns the last inserted row id. */
  run(sql: string, params: BindParams = []): number {
    if (!this.inTransaction) {
      this.engine.run('BEGIN');
      this.inTransaction = true;
    }
    this.engine.run(sql, params);
    return this.get<{ id: number }>('SELECT last_insert_rowid() AS id')!.id;
  }

  commit(): void {
    if (this.inTransaction) this.engine.run('COMMIT');
    this.inTransaction = false;
  }

  close(): void {
    if (this.inTransaction) this.engine.run('ROLLBACK');
    this.inTransaction = false;
    openSessions.delete(this);
  }
}

/** FastAPI's `get_session`: the code after `yield` runs once the response is sent. */
export function sessionDependency(engine: Database) {
  return async function* getSession(): AsyncGenerator<Session> {
    const session = new Session(engine);
    try {
      yield session;
    } finally {
      session.close();
    }
  };
}

const notFound = () => new HttpException(404, 'Hero not found');
const pagination = {
  offset: { integer: true },
  limit: { integer: true, le: 100 },
};

// --- The page's first version: one Hero model, read and written whole (secret_name included). ---

export class Hero {
  @IsOptional()
  @IsInt()
  id: number | null = null;

  @IsString()
  name!: string;

  @IsOptional()
  @IsInt()
  age: number | null = null;

  @IsString()
  secret_name!: string;
}

const engine = createEngine();
const getSession = sessionDependency(engine);

@Controller('/heroes')
class HeroController {
  @Post('/', { summary: 'Create Hero', responseModel: Hero })
  createHero(@Body() hero: Hero, @Depends(getSession) session: Session) {
    const id = session.run('INSERT INTO hero (id, name, age, secret_name) VALUES (?, ?, ?, ?)', [hero.id, hero.name, hero.age, hero.secret_name]);
    session.commit();
    return session.get('SELECT * FROM hero WHERE id = ?', [id]);
  }

  @Get('/', { summary: 'Read Heroes', responseModel: [Hero] })
  readHeroes(
    @Depends(getSession) session: Session,
    @Query('offset', pagination.offset) offset: number = 0,
    @Query('limit', pagination.limit) limit: number = 100,
  ) {
    return session.all('SELECT * FROM hero ORDER BY id LIMIT ? OFFSET ?', [limit, offset]);
  }

  @Get('/:hero_id', { summary: 'Read Hero', responseModel: Hero })
  readHero(@Param('hero_id', { integer: true }) heroId: number, @Depends(getSession) session: Session) {
    const hero = session.get('SELECT * FROM hero WHERE id = ?', [heroId]);
    if (!hero) throw notFound();
    return hero;
  }

  @Delete('/:hero_id', { summary: 'Delete Hero' })
  deleteHero(@Param('hero_id', { integer: true }) heroId: number, @Depends(getSession) session: Session) {
    if (!session.get('SELECT id FROM hero WHERE id = ?', [heroId])) throw notFound();
    session.run('DELETE FROM hero WHERE id = ?', [heroId]);
    session.commit();
    return { ok: true };
  }
}

@Module({ controllers: [HeroController] })
class HeroModule {}

export const app = await bootstrap(HeroModule, { onStartup: () => createDbAndTables(engine) });

// --- The page's second version: a model per use, so secret_name is written but never read back. ---

class HeroBase {
  @IsString()
  name!: string;

  @IsOptional()
  @IsInt()
  age: number | null = null;
}

export class HeroPublic extends HeroBase {
  @IsInt()
  id!: number;
}

export class HeroCreate extends HeroBase {
  @IsString()
  secret_name!: string;
}

/** Every field optional and without a default, so what the client did not send stays undefined (`exclude_unset`). */
export class HeroUpdate {
  @IsOptional()
  @IsString()
  name?: string | null;

  @IsOptional()
  @IsInt()
  age?: number | null;

  @IsOptional()
  @IsString()
  secret_name?: string | null;
}

const COLUMNS = ['name', 'age', 'secret_name'] as const;

const multiEngine = createEngine();
const getMultiSession = sessionDependency(multiEngine);

@Controller('/heroes')
class HeroMultiModelController {
  @Post('/', { summary: 'Create Hero', responseModel: HeroPublic })
  createHero(@Body() hero: HeroCreate, @Depends(getMultiSession) session: Session) {
    const id = session.run('INSERT INTO hero (name, age, secret_name) VALUES (?, ?, ?)', [hero.name, hero.age, hero.secret_name]);
    session.commit();
    return session.get('SELECT * FROM hero WHERE id = ?', [id]);
  }

  @Get('/', { summary: 'Read Heroes', responseModel: [HeroPublic] })
  readHeroes(
    @Depends(getMultiSession) session: Session,
    @Query('offset', pagination.offset) offset: number = 0,
    @Query('limit', pagination.limit) limit: number = 100,
  ) {
    return session.all('SELECT * FROM hero ORDER BY id LIMIT ? OFFSET ?', [limit, offset]);
  }

  @Get('/:hero_id', { summary: 'Read Hero', responseModel: HeroPublic })
  readHero(@Param('hero_id', { integer: true }) heroId: number, @Depends(getMultiSession) session: Session) {
    const hero = session.get('SELECT * FROM hero WHERE id = ?', [heroId]);
    if (!hero) throw notFound();
    return hero;
  }

  @Patch('/:hero_id', { summary: 'Update Hero', responseModel: HeroPublic })
  updateHero(@Param('hero_id', { integer: true }) heroId: number, @Body() hero: HeroUpdate, @Depends(getMultiSession) session: Session) {
    if (!session.get('SELECT id FROM hero WHERE id = ?', [heroId])) throw notFound();
    const sent = COLUMNS.filter((column) => hero[column] !== undefined);
    if (sent.length > 0) {
      session.run(`UPDATE hero SET ${sent.map((column) => `${column} = ?`).join(', ')} WHERE id = ?`, [...sent.map((column) => hero[column] ?? null), heroId]);
      session.commit();
    }
    return session.get('SELECT * FROM hero WHERE id = ?', [heroId]);
  }

  @Delete('/:hero_id', { summary: 'Delete Hero' })
  deleteHero(@Param('hero_id', { integer: true }) heroId: number, @Depends(getMultiSession) session: Session) {
    if (!session.get('SELECT id FROM hero WHERE id = ?', [heroId])) throw notFound();
    session.run('DELETE FROM hero WHERE id = ?', [heroId]);
    session.commit();
    return { ok: true };
  }
}

@Module({ controllers: [HeroMultiModelController] })
class HeroMultiModelModule {}

export const multiModelApp = await bootstrap(HeroMultiModelModule, { onStartup: () => createDbAndTables(multiEngine) });
