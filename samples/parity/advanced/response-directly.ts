// Mirrors FastAPI's "Return a Response Directly" (docs/en/docs/advanced/response-directly.md).
// FastAPI converts the pydantic model with jsonable_encoder before handing it to JSONResponse; in
// TypeScript the validated DTO is already JSON-compatible (its Date is written as an ISO string),
// so it goes to Response.json() as it is.
import 'reflect-metadata';
import { IsISO8601, IsOptional, IsString } from 'class-validator';
import { Body, Controller, Get, Module, Param, Put, Response, bootstrap } from 'zigmund';

export class Item {
  @IsString()
  title!: string;

  // Validated as a date-time and kept as the string the client sent, as FastAPI's
  // jsonable_encoder writes "2023-01-01T12:00:00" back unchanged.
  @IsISO8601()
  timestamp!: string;

  @IsOptional()
  @IsString()
  description: string | null = null;
}

const legacyXml = `<?xml version="1.0"?>
    <shampoo>
    <Header>
        Apply shampoo here.
    </Header>
    <Body>
        You'll have to use soap here.
    </Body>
    </shampoo>
    `;

@Controller()
class ItemsController {
  @Put('/items/:id')
  updateItem(@Param('id') id: string, @Body() item: Item) {
    return Response.json(item);
  }

  @Get('/legacy/')
  getLegacyData() {
    return Response.bytes(Buffer.from(legacyXml), 'application/xml');
  }
}

@Module({ controllers: [ItemsController] })
class AppModule {}

export const app = await bootstrap(AppModule);
export { legacyXml };
