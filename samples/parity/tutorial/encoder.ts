// Mirrors FastAPI's tutorial/encoder (docs/en/docs/tutorial/encoder.md). The page is about
// Python: `jsonable_encoder` turns a pydantic model and its `datetime` into plain JSON-compatible
// data. Its TypeScript counterpart is the language's own JSON round trip,
// `JSON.parse(JSON.stringify(value))`: a class instance becomes a plain object, a `Date` its ISO
// string (through `Date.prototype.toJSON`), `undefined` fields disappear. The timestamp is
// validated as ISO 8601 and kept as the text sent, as jsonable_encoder writes it back unchanged.
import 'reflect-metadata';
import { IsISO8601, IsOptional, IsString } from 'class-validator';
import { Body, Controller, Module, Param, Put, bootstrap } from 'zigmund';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export const fakeDb: Record<string, Json> = {};

export class Item {
  @IsString()
  title!: string;

  @IsISO8601()
  timestamp!: string;

  @IsOptional()
  @IsString()
  description: string | null = null;
}

/** JSON-compatible data: what `JSON.stringify` would write, as values. */
export function jsonable(value: unknown): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}

@Controller()
export class ItemsController {
  @Put('/items/:id', { summary: 'Update Item' })
  updateItem(@Param('id') id: string, @Body() item: Item) {
    fakeDb[id] = jsonable(item);
    return null;
  }
}

@Module({ controllers: [ItemsController] })
export class ItemsModule {}

export const app = await bootstrap(ItemsModule);
