// Mirrors FastAPI's tutorial/request-form-models (docs/en/docs/tutorial/request-form-models.md):
// a class of form fields, then with extra fields forbidden.
import 'reflect-metadata';
import { IsString } from 'class-validator';
import { Controller, Form, Module, Post, bootstrap } from 'zigmund';

export class FormData {
  @IsString()
  username!: string;

  @IsString()
  password!: string;
}

@Controller()
export class FormModelController {
  @Post('/login/', { summary: 'Login' })
  login(@Form() data: FormData) {
    return data;
  }

  // FastAPI's `model_config = {"extra": "forbid"}`.
  @Post('/strict-login/', { summary: 'Login' })
  strictLogin(@Form({ forbidUnknown: true }) data: FormData) {
    return data;
  }
}

@Module({ controllers: [FormModelController] })
export class FormModelModule {}

export const app = await bootstrap(FormModelModule);
