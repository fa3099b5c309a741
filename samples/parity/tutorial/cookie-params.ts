// Mirrors FastAPI's tutorial/cookie-params (docs/en/docs/tutorial/cookie-params.md): an
// optional cookie parameter.
import 'reflect-metadata';
import { Controller, Cookie, Get, Module, bootstrap } from 'zigmund';

@Controller()
export class CookieParamsController {
  @Get('/items', { summary: 'Read Items' })
  readItems(@Cookie('ads_id', { required: false }) adsId?: string) {
    return { ads_id: adsId ?? null };
  }
}

@Module({ controllers: [CookieParamsController] })
export class CookieParamsModule {}

export const app = await bootstrap(CookieParamsModule);
