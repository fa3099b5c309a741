// Mirrors FastAPI's "Templates" (docs/en/docs/advanced/templates.md): `Templates` renders
// Jinja-like templates (nunjucks), with `url_for` for a named route and for the named static mount.
import { fileURLToPath } from 'node:url';
import { createApp, staticFiles, Templates, type Request } from 'zigmund';

// The template and CSS files sit in the source tree beside this sample.
const files = fileURLToPath(new URL('../../../../samples/parity/advanced/templates-files/', import.meta.url));

export const app = createApp();
app.mount('/static', staticFiles({ directory: `${files}static` }), { name: 'static' });

const templates = new Templates({ directory: `${files}templates` });

app.get('/items/:id', (request: Request) => templates.render('item.html', { request, id: request.params.id }), {
  name: 'read_item',
  contentType: 'text/html; charset=utf-8',
});
