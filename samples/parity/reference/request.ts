// Mirrors FastAPI's reference page "Request class" (docs/en/docs/reference/request.md): the members
// of the request a handler asks for by type — method, url, path and query parameters, headers,
// cookies, client, state, url_for, and the body as bytes, text, JSON or a form.
import 'reflect-metadata';
import { Controller, Get, Module, Post, Request, bootstrap } from 'zigmund';

@Controller()
class InspectController {
  @Get('/items/:item_id', { name: 'read_item' })
  inspect(request: Request) {
    request.state.seen = true;
    return {
      method: request.method,
      url: request.url,
      path: request.path,
      full_url: request.fullUrl,
      base_url: request.baseUrl,
      path_params: request.params,
      query_params: request.query,
      user_agent: request.headers['user-agent'] ?? null,
      cookies: request.cookies,
      client: request.ip,
      state: request.state,
      url_for: request.urlFor('read_item', { item_id: 'bar' }),
    };
  }

  @Post('/echo/json')
  async echoJson(request: Request) {
    return { json: await request.json() };
  }

  @Post('/echo/text')
  async echoText(request: Request) {
    const body = await request.body();
    return { bytes: body.length, text: await request.text() };
  }

  @Post('/echo/form')
  async echoForm(request: Request) {
    const form = await request.form();
    return {
      fields: Object.fromEntries(form.fields),
      files: Object.fromEntries([...form.files].map(([name, files]) => [name, files.map((f) => f.filename)])),
    };
  }
}

@Module({ controllers: [InspectController] })
class AppModule {}

export const app = await bootstrap(AppModule);
