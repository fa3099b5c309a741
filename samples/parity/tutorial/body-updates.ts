// Mirrors FastAPI's tutorial/body-updates (docs/en/docs/tutorial/body-updates.md). jsonable_encoder
// is the JSON round trip (see encoder.ts). Pydantic's `model_dump(exclude_unset=True)` has no
// counterpart on a class instance, whose initialisers always run: the PATCH body is a model
// without initialisers, so the fields it holds are exactly those the client sent, and
// `model_copy(update=…)` is an object spread over the stored item.
import 'reflect-metadata';
import { IsArray, IsNumber, IsOptional, IsString } from 'class-validator';
import { Body, Controller, Get, Module, Param, Patch, Put, bootstrap } from 'zigmund';

export class Item {
  @IsOptional()
  @IsString()
  name: string | null = null;

  @IsOptional()
  @IsString()
  description: string | null = null;

  @IsOptional()
  @IsNumber()
  price: number | null = null;

  @IsOptional()
  @IsNumber()
  tax: number = 10.5;

  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  tags: string[] = [];
}

/** The fields of an Item a PATCH may send; only those sent are present. */
export class ItemUpdate {
  @IsOptional()
  @IsString()
  name?: string | null;

  @IsOptional()
  @IsString()
  description?: string | null;

  @IsOptional()
  @IsNumber()
  price?: number | null;

  @IsOptional()
  @IsNumber()
  tax?: number;

  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  tags?: string[];
}

type Stored = Record<string, unknown>;

/** A fresh copy of the page's database. */
export const seedItems = (): Record<string, Stored> => ({
  foo: { name: 'Foo', price: 50.2 },
  bar: { name: 'Bar', description: 'The bartenders', price: 62, tax: 20.2 },
  baz: { name: 'Baz', description: null, price: 50.2, tax: 10.5, tags: [] },
});

const jsonable = (value: unknown): Stored => JSON.parse(JSON.stringify(value)) as Stored;

// Replacing with PUT: fields the body leaves out take the model's defaults.
export const replacedItems = seedItems();

@Controller()
export class ReplaceController {
  @Get('/items/:item_id', { summary: 'Read Item', responseModel: Item })
  readItem(@Param('item_id') itemId: string) {
    return replacedItems[itemId];
  }

  @Put('/items/:item_id', { summary: 'Update Item', responseModel: Item })
  updateItem(@Param('item_id') itemId: string, @Body() item: Item) {
    replacedItems[itemId] = jsonable(item);
    return replacedItems[itemId];
  }
}

@Module({ controllers: [ReplaceController] })
export class ReplaceModule {}

export const app = await bootstrap(ReplaceModule);

// Partial updates with PATCH: only the fields sent replace the stored ones.
export const patchedItems = seedItems();

@Controller()
export class PatchController {
  @Get('/items/:item_id', { summary: 'Read Item', responseModel: Item })
  readItem(@Param('item_id') itemId: string) {
    return patchedItems[itemId];
  }

  @Patch('/items/:item_id', { summary: 'Update Item', responseModel: Item })
  updateItem(@Param('item_id') itemId: string, @Body() item: ItemUpdate): Item {
    const storedItemModel = Object.assign(new Item(), patchedItems[itemId]);
    const updateData = Object.fromEntries(Object.entries(item).filter(([, value]) => value !== undefined));
    const updatedItem = Object.assign(storedItemModel, updateData);
    patchedItems[itemId] = jsonable(updatedItem);
    return updatedItem;
  }
}

@Module({ controllers: [PatchController] })
export class PatchModule {}

export const patchApp = await bootstrap(PatchModule);
