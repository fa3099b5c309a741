// Mirrors FastAPI's "Using Dataclasses" (docs/en/docs/advanced/dataclasses.md).
// TypeScript counterpart: Python's dataclasses are plain classes here. A class whose fields carry
// class-validator decorators is validated as a body and shapes answers as a response model; field
// initialisers are the dataclass defaults (`tags: string[] = []` is `field(default_factory=list)`),
// and nested classes are declared with class-transformer's @Type.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsArray, IsNumber, IsOptional, IsString, ValidateNested } from 'class-validator';
import { Body, Controller, Get, Module, Param, Post, bootstrap } from 'zigmund';

export class Item {
  @IsString()
  name!: string;

  @IsNumber()
  price!: number;

  @IsOptional()
  @IsString()
  description: string | null = null;

  @IsOptional()
  @IsNumber()
  tax: number | null = null;
}

export class TaggedItem {
  @IsString()
  name!: string;

  @IsNumber()
  price!: number;

  @IsArray()
  @IsString({ each: true })
  tags: string[] = [];

  @IsOptional()
  @IsString()
  description: string | null = null;

  @IsOptional()
  @IsNumber()
  tax: number | null = null;
}

export class AuthorItem {
  @IsString()
  name!: string;

  @IsOptional()
  @IsString()
  description: string | null = null;
}

export class Author {
  @IsString()
  name!: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => AuthorItem)
  items: AuthorItem[] = [];
}

@Controller()
class DataclassesController {
  @Post('/items/')
  createItem(@Body() item: Item) {
    return item;
  }

  @Get('/items/next', { responseModel: TaggedItem })
  readNextItem() {
    return { name: 'Island In The Moon', price: 12.99, description: "A place to be playin' and havin' fun", tags: ['breater'] };
  }

  @Post('/authors/:author_id/items/', { responseModel: Author })
  createAuthorItems(@Param('author_id') authorId: string, @Body({ type: [AuthorItem] }) items: AuthorItem[]) {
    return { name: authorId, items };
  }

  @Get('/authors/', { responseModel: [Author] })
  getAuthors() {
    return [
      {
        name: 'Breaters',
        items: [{ name: 'Island In The Moon', description: "A place to be playin' and havin' fun" }, { name: 'Holy Buddies' }],
      },
      {
        name: 'System of an Up',
        items: [
          { name: 'Salt', description: "The kombucha mushroom people's favorite" },
          { name: 'Pad Thai' },
          { name: 'Lonely Night', description: 'The mostests lonliest nightiest of allest' },
        ],
      },
    ];
  }
}

@Module({ controllers: [DataclassesController] })
class AppModule {}

export const app = await bootstrap(AppModule);
