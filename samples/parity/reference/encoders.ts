// Mirrors FastAPI's reference page "Encoders - jsonable_encoder" (docs/en/docs/reference/encoders.md).
// TypeScript counterpart: there is no jsonable_encoder to call. Answers are converted when written
// — a Date to its ISO string, a Buffer to base64, a class instance to its own fields — and a
// response model's options (`responseModelExcludeNone`, `…Include`, `…Exclude`) do what
// jsonable_encoder's include/exclude/exclude_none do.
import 'reflect-metadata';
import { IsDate, IsOptional, IsString } from 'class-validator';
import { Controller, Get, Module, bootstrap } from 'zigmund';

export class Item {
  @IsString()
  title!: string;

  @IsDate()
  timestamp!: Date;

  @IsOptional()
  @IsString()
  description: string | null = null;
}

class Money {
  constructor(
    readonly amount: number,
    readonly currency: string,
  ) {}
}

const item = { title: 'Foo', timestamp: new Date('2026-01-02T03:04:05Z'), description: null };

@Controller()
class EncodeController {
  @Get('/encoded')
  encoded() {
    return { ...item, price: new Money(3, 'EUR'), data: Buffer.from('hello'), tags: new Set(['a']).size };
  }

  @Get('/exclude-none', { responseModel: Item, responseModelExcludeNone: true })
  excludeNone() {
    return item;
  }

  @Get('/include', { responseModel: Item, responseModelInclude: ['title'] })
  include() {
    return item;
  }
}

@Module({ controllers: [EncodeController] })
class AppModule {}

export const app = await bootstrap(AppModule);
