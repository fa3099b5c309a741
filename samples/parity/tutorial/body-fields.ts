// Mirrors FastAPI's tutorial/body-fields (docs/en/docs/tutorial/body-fields.md): validation and
// metadata on a model's fields. Pydantic's `Field(gt=0, max_length=300, description=…)` are
// class-validator decorators (`@IsPositive()`, `@MaxLength(300)`) and class-validator-jsonschema's
// `@JSONSchema({ description })`; `title` has no counterpart and is a description too.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsNumber, IsOptional, IsPositive, IsString, MaxLength } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { Body, Controller, Module, Param, Put, bootstrap } from 'zigmund';

export class Item {
  @IsString()
  name!: string;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  @JSONSchema({ description: 'The description of the item' })
  description: string | null = null;

  @Type(() => Number)
  @IsNumber()
  @IsPositive()
  @JSONSchema({ description: 'The price must be greater than zero' })
  price!: number;

  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  tax: number | null = null;
}

@Controller()
export class BodyFieldsController {
  @Put('/items/:item_id', { summary: 'Update Item' })
  updateItem(@Param('item_id', { integer: true }) itemId: number, @Body('item') item: Item) {
    return { item_id: itemId, item };
  }
}

@Module({ controllers: [BodyFieldsController] })
export class BodyFieldsModule {}

export const app = await bootstrap(BodyFieldsModule);
