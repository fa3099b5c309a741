// Mirrors FastAPI's tutorial/cookie-param-models (docs/en/docs/tutorial/cookie-param-models.md):
// a class of cookies, then with extra cookies forbidden.
import 'reflect-metadata';
import { IsOptional, IsString } from 'class-validator';
import { Controller, Cookie, Get, Module, bootstrap } from 'zigmund';

export class Cookies {
  @IsString()
  session_id!: string;

  @IsOptional()
  @IsString()
  fatebook_tracker: string | null = null;

  @IsOptional()
  @IsString()
  googall_tracker: string | null = null;
}

@Controller()
export class CookieModelController {
  @Get('/items/', { summary: 'Read Items' })
  readItems(@Cookie() cookies: Cookies) {
    return cookies;
  }

  // FastAPI's `model_config = {"extra": "forbid"}`.
  @Get('/strict-items/', { summary: 'Read Items' })
  readStrictItems(@Cookie({ forbidUnknown: true }) cookies: Cookies) {
    return cookies;
  }
}

@Module({ controllers: [CookieModelController] })
export class CookieModelModule {}

export const app = await bootstrap(CookieModelModule);
