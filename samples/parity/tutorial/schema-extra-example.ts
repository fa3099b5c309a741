// Mirrors FastAPI's tutorial/schema-extra-example (docs/en/docs/tutorial/schema-extra-example.md).
// Pydantic's `json_schema_extra` and `Field(examples=...)` are class-validator-jsonschema's
// `@JSONSchema({ examples })` on the class or the property; `Body(examples=...)` is
// `@Body({ examples })` and `Body(openapi_examples=...)` is `@Body({ openapiExamples })`.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsNumber, IsOptional, IsString } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { Body, Controller, Module, Param, Put, bootstrap } from 'zigmund';

export const foo = { name: 'Foo', description: 'A very nice Item', price: 35.4, tax: 3.2 };
export const bar = { name: 'Bar', price: '35.4' };
export const baz = { name: 'Baz', price: 'thirty five point four' };

// The model's own examples.
@JSONSchema({ examples: [foo] })
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

@Controller()
export class ModelExamplesController {
  @Put('/items/:item_id', { summary: 'Update Item' })
  updateItem(@Param('item_id', { integer: true }) itemId: number, @Body() item: Item) {
    return { item_id: itemId, item };
  }
}

@Module({ controllers: [ModelExamplesController] })
export class ModelExamplesModule {}

export const app = await bootstrap(ModelExamplesModule);

// Examples on each field.
export class FieldExamplesItem {
  @JSONSchema({ examples: ['Foo'] })
  @IsString()
  name!: string;

  @JSONSchema({ examples: ['A very nice Item'] })
  @IsOptional()
  @IsString()
  description: string | null = null;

  @JSONSchema({ examples: [35.4] })
  @Type(() => Number)
  @IsNumber()
  price!: number;

  @JSONSchema({ examples: [3.2] })
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  tax: number | null = null;
}

@Controller()
export class FieldExamplesController {
  @Put('/items/:item_id', { summary: 'Update Item' })
  updateItem(@Param('item_id', { integer: true }) itemId: number, @Body() item: FieldExamplesItem) {
    return { item_id: itemId, item };
  }
}

@Module({ controllers: [FieldExamplesController] })
export class FieldExamplesModule {}

export const fieldExamplesApp = await bootstrap(FieldExamplesModule);

// Examples given with the body parameter: one, then several.
export class PlainItem {
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

@Controller()
export class BodyExampleController {
  @Put('/items/:item_id', { summary: 'Update Item' })
  updateItem(@Param('item_id', { integer: true }) itemId: number, @Body({ examples: [foo] }) item: PlainItem) {
    return { item_id: itemId, item };
  }
}

@Module({ controllers: [BodyExampleController] })
export class BodyExampleModule {}

export const bodyExampleApp = await bootstrap(BodyExampleModule);

@Controller()
export class BodyExamplesController {
  @Put('/items/:item_id', { summary: 'Update Item' })
  updateItem(@Param('item_id', { integer: true }) itemId: number, @Body({ examples: [foo, bar, baz] }) item: PlainItem) {
    return { item_id: itemId, item };
  }
}

@Module({ controllers: [BodyExamplesController] })
export class BodyExamplesModule {}

export const bodyExamplesApp = await bootstrap(BodyExamplesModule);

// OpenAPI-specific examples, which Swagger UI shows as a drop-down.
export const openapiExamples = {
  normal: {
    summary: 'A normal example',
    description: 'A **normal** item works correctly.',
    value: foo,
  },
  converted: {
    summary: 'An example with converted data',
    description: 'FastAPI can convert price `strings` to actual `numbers` automatically',
    value: bar,
  },
  invalid: {
    summary: 'Invalid data is rejected with an error',
    value: baz,
  },
};

@Controller()
export class OpenapiExamplesController {
  @Put('/items/:item_id', { summary: 'Update Item' })
  updateItem(@Param('item_id', { integer: true }) itemId: number, @Body({ openapiExamples }) item: PlainItem) {
    return { item_id: itemId, item };
  }
}

@Module({ controllers: [OpenapiExamplesController] })
export class OpenapiExamplesModule {}

export const openapiExamplesApp = await bootstrap(OpenapiExamplesModule);
