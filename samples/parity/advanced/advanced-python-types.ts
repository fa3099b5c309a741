// Mirrors FastAPI's "Advanced Python Types" (docs/en/docs/advanced/advanced-python-types.md): a value
// that may be None is not an optional one. TypeScript counterpart: `string | null` in a signature
// is invisible at run time (it is emitted as Object), so a parameter is required unless it has a
// default or `required: false`, whatever its type says; `null` is a value it may take.
import 'reflect-metadata';
import { Body, Controller, Module, Post, Query, bootstrap } from 'zigmund';

@Controller()
class HiController {
  /** `name: string | null` without a default: required, and null is accepted. */
  @Post('/say-hi')
  sayHi(@Body('name') name: string | null) {
    return { message: `Hi ${name}!` };
  }

  /** A default makes it optional: `name: string | null = null`. */
  @Post('/say-hey')
  sayHey(@Body('name') name: string | null = null) {
    return { message: `Hey ${name}!` };
  }

  /** A query parameter that may be left out: `required: false`, its value then `undefined`. */
  @Post('/greet')
  greet(@Query('name', { required: false, type: String }) name?: string) {
    return { message: name === undefined ? 'Hello!' : `Hello ${name}!` };
  }
}

@Module({ controllers: [HiController] })
class AppModule {}

export const app = await bootstrap(AppModule);
