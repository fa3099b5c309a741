// Mirrors FastAPI's reference page "Middleware" (docs/en/docs/reference/middleware.md): Starlette's
// CORSMiddleware, GZipMiddleware, HTTPSRedirectMiddleware and TrustedHostMiddleware are `cors()`,
// `compression()`, `httpsRedirect()` and `trustedHost()` with the same options in camelCase
// (GZip's `minimum_size` is `threshold`; `compresslevel` has no counterpart).
import { Response, compression, cors, createApp, httpsRedirect, trustedHost } from 'zigmund';

export const app = createApp({ trustProxy: true });
app.use(
  cors({ allowOrigins: ['https://app.example.com'], allowMethods: ['GET', 'POST'], allowHeaders: ['x-token'], allowCredentials: true, maxAge: 600 }),
  trustedHost({ hosts: ['example.com', '*.example.com'] }),
  httpsRedirect(),
  compression({ threshold: 1000 }),
);
app.get('/', () => ({ message: 'Hello World' }));
app.get('/large', () => Response.text('x'.repeat(4000)));
