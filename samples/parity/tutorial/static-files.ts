// Mirrors FastAPI's tutorial/static-files (docs/en/docs/tutorial/static-files.md): a folder mounted
// at /static with `staticFiles({ directory })`, named "static" as the page's `name="static"`.
// The page's `directory="static"` is relative to the working directory; the sample resolves its
// folder from its own file so that it runs from anywhere.
import { fileURLToPath } from 'node:url';
import { createApp, staticFiles } from 'zigmund';

const directory = fileURLToPath(new URL('../../../../samples/parity/tutorial/files/static', import.meta.url));

export const app = createApp();
app.mount('/static', staticFiles({ directory }), { name: 'static' });
