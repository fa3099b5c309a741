// The admin controller (the page's app/internal/admin.py). In the page this router is shared
// with other projects and left unchanged: the app adds the /admin prefix, the admin tag, the
// X-Token dependency and the 418 response when it includes it. Zigmund has no
// include_router(prefix=…, tags=…, …): a controller carries them itself, so they are here.
import 'reflect-metadata';
import { Controller, Post } from 'zigmund';
import { getTokenHeader } from '../dependencies.js';

@Controller('/admin', { tags: ['admin'], dependencies: [getTokenHeader], responses: { 418: { description: "I'm a teapot" } } })
export class AdminController {
  @Post('/', { summary: 'Update Admin' })
  updateAdmin() {
    return { message: 'Admin getting schwifty' };
  }
}
