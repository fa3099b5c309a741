// Mirrors FastAPI's tutorial/response-status-code (docs/en/docs/tutorial/response-status-code.md):
// the status of a successful answer, as a number or as a named constant from `status`.
import 'reflect-metadata';
import { Controller, Module, Post, Query, bootstrap, status } from 'zigmund';

@Controller()
export class StatusCodeController {
  @Post('/items/', { status: 201, summary: 'Create Item' })
  createItem(@Query('name') name: string) {
    return { name };
  }

  @Post('/named/', { status: status.HTTP_201_CREATED, summary: 'Create Item' })
  createNamed(@Query('name') name: string) {
    return { name };
  }
}

@Module({ controllers: [StatusCodeController] })
export class StatusCodeModule {}

export const app = await bootstrap(StatusCodeModule);
