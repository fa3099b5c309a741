// Mirrors FastAPI's "Testing a Database" (docs/en/docs/how-to/testing-database.md), which points to
// SQLModel's tutorial: the app reads its database through an injected provider, and the tests give
// it a fresh one with `app.dependencyOverrides`.
// TypeScript counterpart: no ORM is bundled; the database here is an in-memory store with the
// same shape a real repository would have (see samples/database for a pooled one).
import 'reflect-metadata';
import { IsInt, IsOptional, IsString } from 'class-validator';
import { Body, Controller, Get, HttpException, Injectable, Module, Param, Post, bootstrap } from 'zigmund';

export class HeroCreate {
  @IsString()
  name!: string;

  @IsString()
  secret_name!: string;

  @IsOptional()
  @IsInt()
  age: number | null = null;
}

export interface Hero extends HeroCreate {
  id: number;
}

@Injectable()
export class Database {
  private readonly heroes = new Map<number, Hero>();
  private nextId = 1;

  add(data: HeroCreate): Hero {
    const hero = { id: this.nextId++, name: data.name, secret_name: data.secret_name, age: data.age };
    this.heroes.set(hero.id, hero);
    return hero;
  }

  get(id: number): Hero | undefined {
    return this.heroes.get(id);
  }

  all(): Hero[] {
    return [...this.heroes.values()];
  }
}

// The database is a handler parameter (injected by its type per request), so an override set in a
// test reaches it; a controller's constructor is injected once, at bootstrap.
@Controller('/heroes')
class HeroesController {
  @Post('/')
  create(@Body() hero: HeroCreate, db: Database) {
    return db.add(hero);
  }

  @Get('/')
  list(db: Database) {
    return db.all();
  }

  @Get('/:hero_id')
  read(@Param('hero_id', { integer: true }) heroId: number, db: Database) {
    const hero = db.get(heroId);
    if (!hero) throw new HttpException(404, 'Hero not found');
    return hero;
  }
}

@Module({ controllers: [HeroesController], providers: [Database] })
class AppModule {}

export const app = await bootstrap(AppModule);
