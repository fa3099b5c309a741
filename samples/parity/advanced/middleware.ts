// Mirrors FastAPI's "Advanced Middleware" (docs/en/docs/advanced/middleware.md): Starlette's
// HTTPSRedirectMiddleware, TrustedHostMiddleware and GZipMiddleware are `httpsRedirect()`,
// `trustedHost()` and `compression()` (gzip, and also br and deflate when the client prefers them).
import { Response, compression, createApp, httpsRedirect, trustedHost } from 'zigmund';

/** Every plain-HTTP request is redirected to https; `trustProxy` lets X-Forwarded-Proto count. */
export const httpsApp = createApp({ trustProxy: true });
httpsApp.use(httpsRedirect());
httpsApp.get('/', () => ({ message: 'Hello World' }));

/** Only these hosts are served; others get 400. */
export const trustedHostApp = createApp();
trustedHostApp.use(trustedHost({ hosts: ['example.com', '*.example.com'] }));
trustedHostApp.get('/', () => ({ message: 'Hello World' }));

/** Answers of at least 1000 bytes are compressed for clients that accept it (minimum_size=1000). */
export const gzipApp = createApp();
gzipApp.use(compression({ threshold: 1000, encodings: ['gzip'] }));
gzipApp.get('/', () => 'somebigcontent');
gzipApp.get('/large', () => Response.text('x'.repeat(4000)));
