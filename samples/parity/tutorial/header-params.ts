// Mirrors FastAPI's tutorial/header-params (docs/en/docs/tutorial/header-params.md): optional
// headers, a header whose name has an underscore, and a repeated header as a list. FastAPI
// derives the header from the Python name (`user_agent` → `user-agent`, unless
// `convert_underscores=False`); here the decorator names the header itself.
import 'reflect-metadata';
import { Controller, Get, Header, Module, bootstrap } from 'zigmund';

@Controller()
export class HeaderParamsController {
  @Get('/items', { summary: 'Read Items' })
  readItems(@Header('user-agent', { required: false }) userAgent?: string) {
    return { 'User-Agent': userAgent ?? null };
  }

  @Get('/strange', { summary: 'Read Items' })
  readStrange(@Header('strange_header', { required: false }) strangeHeader?: string) {
    return { strange_header: strangeHeader ?? null };
  }

  @Get('/tokens', { summary: 'Read Items' })
  readTokens(@Header('x-token', { type: [String], required: false }) xToken?: string[]) {
    return { 'X-Token values': xToken ?? null };
  }
}

@Module({ controllers: [HeaderParamsController] })
export class HeaderParamsModule {}

export const app = await bootstrap(HeaderParamsModule);
