// Mirrors FastAPI's tutorial/body-nested-models (docs/en/docs/tutorial/body-nested-models.md):
// list fields, a set of tags, a nested model and lists of them, deep nesting, a list as the
// whole body, and a dict keyed by integers. Pydantic's nesting is class-validator's
// `@ValidateNested()` with class-transformer's `@Type()`; `HttpUrl` is `@IsUrl()`; `set[str]`
// is a list deduplicated by `@Transform`; `dict[int, float]` is a plain object body whose keys
// the handler checks, answering pydantic's `[key]` error.
import 'reflect-metadata';
import { Transform, Type } from 'class-transformer';
import { IsArray, IsNumber, IsOptional, IsString, IsUrl, ValidateNested } from 'class-validator';
import { Body, Controller, Module, Param, Post, Put, RequestValidationError, bootstrap } from 'zigmund';

export class Image {
  @IsUrl({ require_tld: false })
  url!: string;

  @IsString()
  name!: string;
}

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

  // Python's set[str]: repeated tags are kept once.
  @IsOptional()
  @IsString({ each: true })
  @Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? [...new Set(value)] : value))
  tags: string[] = [];

  @IsOptional()
  @ValidateNested()
  @Type(() => Image)
  image: Image | null = null;

  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => Image)
  images: Image[] | null = null;
}

export class Offer {
  @IsString()
  name!: string;

  @IsOptional()
  @IsString()
  description: string | null = null;

  @IsNumber()
  price!: number;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => Item)
  items!: Item[];
}

@Controller()
export class NestedModelsController {
  @Put('/items/:item_id', { summary: 'Update Item' })
  updateItem(@Param('item_id', { integer: true }) itemId: number, @Body() item: Item) {
    return { item_id: itemId, item };
  }

  @Post('/offers/', { summary: 'Create Offer' })
  createOffer(@Body() offer: Offer) {
    return offer;
  }

  @Post('/images/multiple/', { summary: 'Create Multiple Images' })
  createMultipleImages(@Body({ type: [Image] }) images: Image[]) {
    return images;
  }

  @Post('/index-weights/', { summary: 'Create Index Weights' })
  createIndexWeights(@Body() weights: Record<string, number>) {
    const errors = Object.keys(weights)
      .filter((key) => !/^[+-]?\d+$/.test(key))
      .map((key) => ({
        type: 'int_parsing',
        loc: ['body', key, '[key]'],
        msg: 'Input should be a valid integer, unable to parse string as an integer',
        input: key,
      }));
    if (errors.length > 0) throw new RequestValidationError(errors, weights);
    return weights;
  }
}

@Module({ controllers: [NestedModelsController] })
export class NestedModelsModule {}

export const app = await bootstrap(NestedModelsModule);
