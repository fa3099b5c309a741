// Mirrors FastAPI's "Advanced Middleware" (docs/en/docs/advanced/middleware.md): Starlette's
// HTTPSRedirectMiddleware and TrustedHostMiddleware are `httpsRedirect()` and `trustedHost()`.
// GZipMiddleware has no counterpart yet (compression is not built in), so the page's third app
// is left out.
import { createApp, httpsRedirect, trustedHost } from 'zigmund';

/** Every plain-HTTP request is redirected to https; `trustProxy` lets X-Forwarded-Proto count. */
export const httpsApp = createApp({ trustProxy: true });
httpsApp.use(httpsRedirect());
httpsApp.get('/', () => ({ message: 'Hello World' }));

/** Only these hosts are served; others get 400. */
export const trustedHostApp = createApp();
trustedHostApp.use(trustedHost({ hosts: ['example.com', '*.example.com'] }));
trustedHostApp.get('/', () => ({ message: 'Hello World' }));
