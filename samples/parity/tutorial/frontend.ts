// Mirrors FastAPI's tutorial/frontend (docs/en/docs/tutorial/frontend.md): a frontend's build
// output served with `app.frontend(path, { directory, fallback, checkDir })` after the API's
// routes. `build` is what `npm run build` of a single-page app leaves (index.html, assets/; the
// page's `dist`, renamed here because dist/ is this repository's own ignored output); `site` is
// a static site with its own 404.html. FastAPI's `router.frontend()` included with
// `prefix="/app"` is the same here: `createRouter().frontend(…)` and `app.includeRouter(…)`.
import { fileURLToPath } from 'node:url';
import { createApp, createRouter } from 'zigmund';

const folder = (name: string) => fileURLToPath(new URL(`../../../../samples/parity/tutorial/files/frontend/${name}`, import.meta.url));
const dist = folder('build');
const site = folder('site');

/** Serve a frontend (fallback "auto": dist has no 404.html, so index.html for navigations). */
export const app = createApp();
app.frontend('/', { directory: dist });

/** A path operation wins over the frontend. */
export const apiApp = createApp();
apiApp.get('/api/users', () => [{ name: 'Rick' }, { name: 'Morty' }], { summary: 'Read Users' });
apiApp.frontend('/', { directory: dist });

/** Client-side routing: index.html for browser navigations to paths that are not files. */
export const indexFallbackApp = createApp();
indexFallbackApp.frontend('/', { directory: dist, fallback: 'index.html' });

/** A custom 404 page, answered with status 404. */
export const notFoundPageApp = createApp();
notFoundPageApp.frontend('/', { directory: site, fallback: '404.html' });

/** Under a prefix: a router carrying the frontend, included at /app. */
const frontendRouter = createRouter();
frontendRouter.frontend('/', { directory: dist, fallback: 'index.html' });
export const prefixedApp = createApp();
prefixedApp.includeRouter(frontendRouter, { prefix: '/app' });

/** No fallback: missing paths are the normal 404. */
export const noFallbackApp = createApp();
noFallbackApp.frontend('/', { directory: dist, fallback: null });

/** The folder is not checked when the app is built (a later build step may create it). */
export const uncheckedApp = createApp();
uncheckedApp.frontend('/', { directory: dist, checkDir: false });
