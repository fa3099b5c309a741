// Mirrors FastAPI's tutorial/handling-errors (docs/en/docs/tutorial/handling-errors.md):
// HttpException with a detail and headers, a handler for an exception class of your own,
// replacing the answers to HttpException and to validation errors, echoing the received body
// in a 422, and logging before answering as the framework would. The page's examples each
// build their own app; they are `app`, `plainTextApp`, `bodyEchoApp` and `loggingApp` here.
// FastAPI's default handlers (`http_exception_handler`, …) are not exported by Zigmund; the
// logging example answers with the same body itself.
import 'reflect-metadata';
import { IsInt, IsString } from 'class-validator';
import { Body, Controller, Get, HttpException, Module, Param, Post, RequestValidationError, Response, bootstrap } from 'zigmund';

const items: Record<string, string> = { foo: 'The Foo Wrestlers' };

export class UnicornException extends Error {
  constructor(readonly unicorn: string) {
    super(`${unicorn} did something`);
  }
}

@Controller()
export class ItemsController {
  @Get('/items/:item_id', { summary: 'Read Item' })
  readItem(@Param('item_id') itemId: string) {
    if (!(itemId in items)) throw new HttpException(404, 'Item not found');
    return { item: items[itemId] };
  }

  @Get('/items-header/:item_id', { summary: 'Read Item Header' })
  readItemHeader(@Param('item_id') itemId: string) {
    if (!(itemId in items)) throw new HttpException(404, 'Item not found', { 'X-Error': 'There goes my error' });
    return { item: items[itemId] };
  }

  @Get('/unicorns/:name', { summary: 'Read Unicorn' })
  readUnicorn(@Param('name') name: string) {
    if (name === 'yolo') throw new UnicornException(name);
    return { unicorn_name: name };
  }
}

@Module({ controllers: [ItemsController] })
export class ItemsModule {}

export const app = await bootstrap(ItemsModule);
app.exceptionHandler(UnicornException, (err) =>
  Response.json({ message: `Oops! ${err.unicorn} did something. There goes a rainbow...` }, 418),
);

@Controller()
export class NoThreesController {
  @Get('/items/:item_id', { summary: 'Read Item' })
  readItem(@Param('item_id', { integer: true }) itemId: number) {
    if (itemId === 3) throw new HttpException(418, "Nope! I don't like 3.");
    return { item_id: itemId };
  }
}

@Module({ controllers: [NoThreesController] })
export class NoThreesModule {}

export const plainTextApp = await bootstrap(NoThreesModule);
plainTextApp.exceptionHandler(HttpException, (err) => Response.text(String(err.detail), err.status));
plainTextApp.exceptionHandler(RequestValidationError, (err) => {
  let message = 'Validation errors:';
  for (const error of err.errors()) message += `\nField: ${JSON.stringify(error.loc)}, Error: ${error.msg}`;
  return Response.text(message, 400);
});

export class Item {
  @IsString()
  title!: string;

  @IsInt()
  size!: number;
}

@Controller()
export class CreateItemController {
  @Post('/items/', { summary: 'Create Item' })
  createItem(@Body() item: Item) {
    return item;
  }
}

@Module({ controllers: [CreateItemController] })
export class CreateItemModule {}

export const bodyEchoApp = await bootstrap(CreateItemModule);
bodyEchoApp.exceptionHandler(RequestValidationError, (err) => Response.json({ detail: err.errors(), body: err.body }, 422));

export const loggingApp = await bootstrap(NoThreesModule);
/** Where the logging example writes; a test may replace it. */
export const errorLog: { write: (line: string) => void } = { write: (line) => console.log(line) };
loggingApp.exceptionHandler(HttpException, (err) => {
  errorLog.write(`OMG! An HTTP error!: ${err.status} ${String(err.detail)}`);
  return Response.json({ detail: err.detail }, err.status, err.headers);
});
loggingApp.exceptionHandler(RequestValidationError, (err) => {
  errorLog.write(`OMG! The client sent invalid data!: ${err.message}`);
  return Response.json({ detail: err.errors() }, 422);
});
