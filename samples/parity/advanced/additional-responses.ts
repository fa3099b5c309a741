// Mirrors FastAPI's "Additional Responses in OpenAPI" (docs/en/docs/advanced/additional-responses.md):
// the route option `responses` documents other status codes with a model, adds media types to the
// success response (`image/png`), and merges descriptions and examples into it. The page's four
// apps share one path; here each gets its own.
import 'reflect-metadata';
import { IsString } from 'class-validator';
import { Controller, Get, Module, Param, Query, Response, bootstrap, type AdditionalResponse } from 'zigmund';

export class Item {
  @IsString()
  id!: string;

  @IsString()
  value!: string;
}

export class Message {
  @IsString()
  message!: string;
}

/** Where the image answers come from (the test points it at a temporary PNG). */
export const files = { imagePath: 'image.png' };

const responses: Record<number, AdditionalResponse> = {
  404: { description: 'Item not found' },
  302: { description: 'The item was moved' },
  403: { description: 'Not enough privileges' },
};

@Controller()
class ItemsController {
  // Additional response with a model.
  @Get('/items/:item_id', { responseModel: Item, responses: { 404: { model: Message } } })
  readItem(@Param('item_id') itemId: string) {
    if (itemId === 'foo') return { id: 'foo', value: 'there goes my hero' };
    return Response.json({ message: 'Item not found' }, 404);
  }

  // Additional media types for the main response.
  @Get('/image-items/:item_id', {
    responseModel: Item,
    responses: { 200: { content: { 'image/png': {} }, description: 'Return the JSON item or an image.' } },
  })
  readImageItem(@Param('item_id') itemId: string, @Query('img', { required: false }) img?: boolean) {
    if (img) return Response.file(files.imagePath, { contentType: 'image/png' });
    return { id: 'foo', value: 'there goes my hero' };
  }

  // Combining information: a model with a description, and an example merged into the 200.
  @Get('/described-items/:item_id', {
    responseModel: Item,
    responses: {
      404: { model: Message, description: 'The item was not found' },
      200: {
        description: 'Item requested by ID',
        content: { 'application/json': { example: { id: 'bar', value: 'The bar tenders' } } },
      },
    },
  })
  readDescribedItem(@Param('item_id') itemId: string) {
    if (itemId === 'foo') return { id: 'foo', value: 'there goes my hero' };
    return Response.json({ message: 'Item not found' }, 404);
  }

  // Predefined responses, combined with custom ones.
  @Get('/more-items/:item_id', { responseModel: Item, responses: { ...responses, 200: { content: { 'image/png': {} } } } })
  readMoreItem(@Param('item_id') itemId: string, @Query('img', { required: false }) img?: boolean) {
    if (img) return Response.file(files.imagePath, { contentType: 'image/png' });
    return { id: 'foo', value: 'there goes my hero' };
  }
}

@Module({ controllers: [ItemsController] })
class AppModule {}

export const app = await bootstrap(AppModule);
