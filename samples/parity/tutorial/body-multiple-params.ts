// Mirrors FastAPI's tutorial/body-multiple-params (docs/en/docs/tutorial/body-multiple-params.md):
// an optional body beside path and query parameters, several bodies in one JSON object keyed
// by name, a singular value in the body, and one model embedded under its key. In Zigmund a
// body parameter named with `@Body('key')` is read from that key of the JSON object.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsNumber, IsOptional, IsString } from 'class-validator';
import { Body, Controller, Module, Param, Put, Query, bootstrap } from 'zigmund';

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

export class User {
  @IsString()
  username!: string;

  @IsOptional()
  @IsString()
  full_name: string | null = null;
}

@Controller()
export class BodyMultipleParamsController {
  @Put('/items/:item_id', { summary: 'Update Item' })
  updateItem(
    @Param('item_id', { integer: true, ge: 0, le: 1000, description: 'The ID of the item to get' }) itemId: number,
    @Query('q', { required: false }) q?: string,
    @Body({ required: false }) item?: Item,
  ) {
    return { item_id: itemId, ...(q && { q }), ...(item && { item }) };
  }

  @Put('/items/:item_id/owned', { summary: 'Update Item' })
  updateOwnedItem(
    @Param('item_id', { integer: true }) itemId: number,
    @Body('item') item: Item,
    @Body('user') user: User,
    // FastAPI's `Body(gt=0)` on an `int`.
    @Body('importance', { integer: true, gt: 0 }) importance: number,
    @Query('q', { required: false }) q?: string,
  ) {
    return { item_id: itemId, item, user, importance, ...(q && { q }) };
  }

  // FastAPI's `Body(embed=True)`: the single model is expected under its key.
  @Put('/items/:item_id/embedded', { summary: 'Update Item' })
  updateEmbeddedItem(@Param('item_id', { integer: true }) itemId: number, @Body('item') item: Item) {
    return { item_id: itemId, item };
  }
}

@Module({ controllers: [BodyMultipleParamsController] })
export class BodyMultipleParamsModule {}

export const app = await bootstrap(BodyMultipleParamsModule);
