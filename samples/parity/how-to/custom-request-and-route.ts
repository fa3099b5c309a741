// Mirrors FastAPI's "Custom Request and APIRoute class" (docs/en/docs/how-to/custom-request-and-route.md).
// A custom route class that wraps the handler is route middleware here (the timing example); the
// body of a request that failed validation reaches an exception handler as `err.body`. What is not
// ported: a custom Request class (the page's GzipRequest decompressing gzip bodies), and the
// exception handler is the app's, not one route class's.
import 'reflect-metadata';
import { Body, Controller, Get, Module, Post, RequestValidationError, Response, bootstrap, type Middleware } from 'zigmund';

const timed: Middleware = async (req, next) => {
  const before = performance.now();
  const response = await next();
  const duration = (performance.now() - before) / 1000;
  return response.setHeader('X-Response-Time', String(duration));
};

@Controller()
class DemoController {
  @Get('/')
  notTimed() {
    return { message: 'Not timed' };
  }

  @Get('/timed', { middleware: [timed] })
  timed() {
    return { message: "It's the time of my life" };
  }

  // A JSON list of numbers as the whole body: `@Body()` does not check scalar lists, so the
  // handler does, raising the validation error FastAPI's `list[int]` would.
  @Post('/sum')
  sumNumbers(@Body() numbers: unknown) {
    if (!Array.isArray(numbers)) {
      throw new RequestValidationError([{ type: 'list_type', loc: ['body'], msg: 'Input should be a valid list', input: numbers }], numbers);
    }
    const bad = numbers.findIndex((n) => !Number.isInteger(n));
    if (bad !== -1) {
      throw new RequestValidationError([{ type: 'int_type', loc: ['body', bad], msg: 'Input should be a valid integer', input: numbers[bad] }], numbers);
    }
    return (numbers as number[]).reduce((a, b) => a + b, 0);
  }
}

@Module({ controllers: [DemoController] })
class AppModule {}

export const app = await bootstrap(AppModule);

// The validation error and the body that caused it, as the page's ValidationErrorLoggingRoute answers.
app.exceptionHandler(RequestValidationError, (err) => Response.json({ detail: { errors: err.errors(), body: JSON.stringify(err.body) } }, 422));
