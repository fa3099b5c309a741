import 'reflect-metadata';
import { IsArray, IsNumber, IsOptional, IsString, Min, MinLength } from 'class-validator';
import { Body, Controller, Delete, Get, HttpException, Injectable, Module, Param, Post, Put, Query } from 'zigmund';

export class ItemIn {
  @IsString()
  @MinLength(1)
  name!: string;

  @IsNumber()
  @Min(0)
  price!: number;

  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  tags?: string[];
}

export class ItemOut {
  @IsNumber()
  id!: number;

  @IsString()
  name!: string;

  @IsNumber()
  price!: number;

  @IsArray()
  tags!: string[];
}

interface Item {
  id: number;
  name: string;
  price: number;
  tags: string[];
  /** Internal bookkeeping that `responseModel: ItemOut` keeps out of answers. */
  createdBy: string;
}

@Injectable()
export class ItemStore {
  private readonly items = new Map<number, Item>();
  private nextId = 1;

  list(offset: number, limit: number, tag?: string): Item[] {
    const all = [...this.items.values()].filter((item) => tag === undefined || item.tags.includes(tag));
    return all.slice(offset, offset + limit);
  }

  get(id: number): Item {
    const item = this.items.get(id);
    if (!item) throw new HttpException(404, `Item ${id} not found`);
    return item;
  }

  create(data: ItemIn): Item {
    const item = { id: this.nextId++, name: data.name, price: data.price, tags: data.tags ?? [], createdBy: 'api' };
    this.items.set(item.id, item);
    return item;
  }

  replace(id: number, data: ItemIn): Item {
    const item = { ...this.get(id), name: data.name, price: data.price, tags: data.tags ?? [] };
    this.items.set(id, item);
    return item;
  }

  remove(id: number): void {
    this.get(id);
    this.items.delete(id);
  }
}

@Controller('/items', { tags: ['items'] })
export class ItemsController {
  constructor(private readonly store: ItemStore) {}

  @Get('', { summary: 'List items', responseModel: [ItemOut] })
  list(
    @Query('offset', { integer: true, default: 0 }) offset: number,
    @Query('limit', { integer: true, default: 10 }) limit: number,
    @Query('tag', { required: false }) tag?: string,
  ) {
    return this.store.list(offset, limit, tag);
  }

  @Get('/:id', { summary: 'Read an item', responseModel: ItemOut })
  read(@Param('id', { integer: true }) id: number) {
    return this.store.get(id);
  }

  @Post('', { summary: 'Create an item', status: 201, responseModel: ItemOut })
  create(@Body() item: ItemIn) {
    return this.store.create(item);
  }

  @Put('/:id', { summary: 'Replace an item', responseModel: ItemOut })
  replace(@Param('id', { integer: true }) id: number, @Body() item: ItemIn) {
    return this.store.replace(id, item);
  }

  @Delete('/:id', { summary: 'Delete an item', status: 204 })
  remove(@Param('id', { integer: true }) id: number) {
    this.store.remove(id);
  }
}

@Module({ controllers: [ItemsController], providers: [ItemStore] })
export class ItemsModule {}
