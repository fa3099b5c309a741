// Mirrors FastAPI's tutorial/path-params (docs/en/docs/tutorial/path-params.md): typed path
// parameters, a fixed path declared before the parameterised one, an enum parameter, and a
// parameter holding a whole path. FastAPI's `{file_path:path}` is written `*file_path`.
import 'reflect-metadata';
import { Controller, Get, Module, Param, bootstrap } from 'zigmund';

export enum ModelName {
  alexnet = 'alexnet',
  resnet = 'resnet',
  lenet = 'lenet',
}

@Controller()
export class PathParamsController {
  @Get('/items/:item_id', { summary: 'Read Item' })
  readItem(@Param('item_id', { integer: true }) itemId: number) {
    return { item_id: itemId };
  }

  // Declared before /users/:user_id; Zigmund's router prefers the fixed segment in any order.
  @Get('/users/me', { summary: 'Read User Me' })
  readUserMe() {
    return { user_id: 'the current user' };
  }

  @Get('/users/:user_id', { summary: 'Read User' })
  readUser(@Param('user_id') userId: string) {
    return { user_id: userId };
  }

  @Get('/models/:model_name', { summary: 'Get Model' })
  getModel(@Param('model_name', { enum: ModelName }) modelName: ModelName) {
    if (modelName === ModelName.alexnet) return { model_name: modelName, message: 'Deep Learning FTW!' };
    if (modelName === 'lenet') return { model_name: modelName, message: 'LeCNN all the images' };
    return { model_name: modelName, message: 'Have some residuals' };
  }

  @Get('/files/*file_path', { summary: 'Read File' })
  readFile(@Param('file_path') filePath: string) {
    return { file_path: filePath };
  }
}

@Module({ controllers: [PathParamsController] })
export class PathParamsModule {}

export const app = await bootstrap(PathParamsModule);
