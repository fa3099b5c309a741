// Mirrors FastAPI's reference page "Templating - Jinja2Templates" (docs/en/docs/reference/templating.md):
// `new Templates({ directory, filters, globals })` is Jinja2Templates(directory=…) with its env's
// filters and globals; `render(name, context, { status, headers })` is TemplateResponse, and
// `renderToString` a template rendered alone. The engine is nunjucks, Jinja's JavaScript sibling.
import { fileURLToPath } from 'node:url';
import { Templates, createApp, type Request } from 'zigmund';

export const templates = new Templates({
  directory: fileURLToPath(new URL('../../../../samples/parity/reference/files/templates', import.meta.url)),
  filters: { shout: (s: string) => s.toUpperCase() },
  globals: { site: 'Citadel' },
});

export const app = createApp();
app.get('/hello/:name', (request: Request) =>
  templates.render('hello.html', { request, name: request.params.name, greeting: 'hello' }, { status: 203, headers: { 'X-Template': 'hello.html' } }),
);
