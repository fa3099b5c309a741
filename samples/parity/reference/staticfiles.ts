// Mirrors FastAPI's reference page "Static Files - StaticFiles" (docs/en/docs/reference/staticfiles.md):
// `staticFiles({ directory, html })` is StaticFiles(directory=…, html=…), mounted with a name as
// FastAPI's `app.mount("/static", StaticFiles(...), name="static")`. Starlette's `packages=` and
// `check_dir=` have no counterpart (the directory must exist when staticFiles() is called).
import { fileURLToPath } from 'node:url';
import { createApp, staticFiles, type Request } from 'zigmund';

const directory = fileURLToPath(new URL('../../../../samples/parity/reference/files/static', import.meta.url));

export const app = createApp();
app.get('/stylesheet', (req: Request) => ({ href: req.urlFor('static', { path: '/site.css' }) }));
app.mount('/static', staticFiles({ directory }), { name: 'static' });
app.mount('/site', staticFiles({ directory, html: true }));
