// Mirrors FastAPI's tutorial/request-forms (docs/en/docs/tutorial/request-forms.md): fields of
// an urlencoded (or multipart) form.
import 'reflect-metadata';
import { Controller, Form, Module, Post, bootstrap } from 'zigmund';

@Controller()
export class LoginController {
  @Post('/login/', { summary: 'Login' })
  login(@Form('username') username: string, @Form('password') _password: string) {
    return { username };
  }
}

@Module({ controllers: [LoginController] })
export class LoginModule {}

export const app = await bootstrap(LoginModule);
