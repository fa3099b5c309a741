// Mirrors FastAPI's "Path Operation Advanced Configuration"
// (docs/en/docs/advanced/path-operation-advanced-configuration.md): operationId, ids generated
// from the route, routes left out of the schema, the description (FastAPI reads it from the
// docstring, up to `\f`; here the `description` option), openapiExtra, and a body read by hand
// (raw bytes, or YAML) whose schema is given through openapiExtra.
import 'reflect-metadata';
import { IsArray, IsNumber, IsOptional, IsString } from 'class-validator';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { Body, Controller, Get, HttpException, Module, Post, Request, bootstrap, createApp } from 'zigmund';

/** operation_id given on the route. */
export const operationIdApp = createApp();
operationIdApp.get('/items/', () => [{ item_id: 'Foo' }], { operationId: 'some_specific_id_you_define' });

/** generate_unique_id_function: the handler's name. */
@Controller()
class ReadItemsController {
  @Get('/items/')
  read_items() {
    return [{ item_id: 'Foo' }];
  }
}
@Module({ controllers: [ReadItemsController] })
class ReadItemsModule {}
export const generatedIdApp = await bootstrap(ReadItemsModule, { generateOperationId: (route) => route.methodName ?? route.owner });

/** include_in_schema=False. */
export const hiddenApp = createApp();
hiddenApp.get('/items/', () => [{ item_id: 'Foo' }], { includeInSchema: false });

/** Summary and description (FastAPI's docstring, cut at \f). */
export class Item {
  @IsString()
  name!: string;

  @IsOptional()
  @IsString()
  description: string | null = null;

  @IsNumber()
  price!: number;

  @IsOptional()
  @IsNumber()
  tax: number | null = null;

  @IsArray()
  @IsString({ each: true })
  tags: string[] = [];
}

@Controller()
class DescribedController {
  @Post('/items/', {
    summary: 'Create an item',
    responseModel: Item,
    description: [
      'Create an item with all the information:',
      '',
      '- **name**: each item must have a name',
      '- **description**: a long description',
      '- **price**: required',
      "- **tax**: if the item doesn't have tax, you can omit this",
      '- **tags**: a set of unique tag strings for this item',
    ].join('\n'),
  })
  createItem(@Body() item: Item) {
    return { ...item, tags: [...new Set(item.tags)] };
  }
}
@Module({ controllers: [DescribedController] })
class DescribedModule {}
export const describedApp = await bootstrap(DescribedModule);

/** openapi_extra: an extension on the operation. */
export const extraApp = createApp();
extraApp.get('/items/', () => [{ item_id: 'portal-gun' }], { openapiExtra: { 'x-aperture-labs-portal': 'blue' } });

/** A body read by hand, its schema declared through openapiExtra. */
export const rawBodyApp = createApp();
function magicDataReader(rawBody: Buffer) {
  return { size: rawBody.length, content: { name: 'Maaaagic', price: 42, description: "Just kiddin', no magic here. ✨" } };
}
rawBodyApp.post('/items/', async (request: Request) => magicDataReader(await request.body()), {
  openapiExtra: {
    requestBody: {
      content: {
        'application/json': {
          schema: {
            required: ['name', 'price'],
            type: 'object',
            properties: { name: { type: 'string' }, price: { type: 'number' }, description: { type: 'string' } },
          },
        },
      },
      required: true,
    },
  },
});

/** A YAML body, parsed and validated by the handler. */
export const yamlApp = createApp();
const yamlItemSchema = {
  type: 'object',
  required: ['name', 'tags'],
  properties: { name: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } },
};
yamlApp.post(
  '/items/',
  async (request: Request) => {
    let data: unknown;
    try {
      data = parseYaml(await request.text());
    } catch (err) {
      if (err instanceof YAMLParseError) throw new HttpException(422, 'Invalid YAML');
      throw err;
    }
    const item = data as { name?: unknown; tags?: unknown };
    const errors = [];
    if (typeof item?.name !== 'string') errors.push({ type: 'string_type', loc: ['name'], msg: 'Input should be a valid string', input: item?.name });
    if (!Array.isArray(item?.tags)) errors.push({ type: 'list_type', loc: ['tags'], msg: 'Input should be a valid list', input: item?.tags });
    else item.tags.forEach((tag, i) => typeof tag !== 'string' && errors.push({ type: 'string_type', loc: ['tags', i], msg: 'Input should be a valid string', input: tag }));
    if (errors.length > 0) throw new HttpException(422, errors);
    return { name: item.name, tags: item.tags };
  },
  { openapiExtra: { requestBody: { content: { 'application/x-yaml': { schema: yamlItemSchema } }, required: true } } },
);
