// Mirrors FastAPI's tutorial/body (docs/en/docs/tutorial/body.md): a JSON request body declared
// as a class. Pydantic's BaseModel is a class-validator DTO; pydantic's lax "50.5" → 50.5 is
// class-transformer's `@Type(() => Number)`.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsNumber, IsOptional, IsString } from 'class-validator';
import { Body, Controller, Module, Param, Post, Put, Query, bootstrap } from 'zigmund';

export class Item {
  @IsString()
  name!: string;

  @IsOptional()
  @IsString()
  description: string | null = null;

  @Type(() => Number)
  @IsNumber()
  price!: number;

  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  tax: number | null = null;
}

@Controller('/items')
export class ItemsController {
  @Post('/', { summary: 'Create Item' })
  createItem(@Body() item: Item) {
    return item;
  }

  @Put('/:item_id', { summary: 'Update Item' })
  updateItem(@Param('item_id', { integer: true }) itemId: number, @Body() item: Item, @Query('q', { required: false }) q?: string) {
    return { item_id: itemId, ...item, ...(q && { q }) };
  }
}

@Module({ controllers: [ItemsController] })
export class BodyModule {}

export const app = await bootstrap(BodyModule);

// The page's second example answers on the same path with a computed field added.
@Controller('/items')
export class ItemsWithTaxController {
  @Post('/', { summary: 'Create Item' })
  createItem(@Body() item: Item) {
    return item.tax !== null ? { ...item, price_with_tax: item.price + item.tax } : item;
  }
}

@Module({ controllers: [ItemsWithTaxController] })
export class BodyWithTaxModule {}

export const withTaxApp = await bootstrap(BodyWithTaxModule);
