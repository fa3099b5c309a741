import 'reflect-metadata';
import { Controller, Get, Module, Query } from 'zigmund';

@Controller()
export class HelloController {
  @Get('/', { summary: 'Say hello' })
  hello() {
    return { message: 'Hello World' };
  }

  @Get('/greet', { summary: 'Greet someone by name' })
  greet(@Query('name', { default: 'world' }) name: string) {
    return { message: `Hello ${name}` };
  }
}

@Module({ controllers: [HelloController] })
export class HelloModule {}
