// Mirrors FastAPI's reference page "Middleware" (docs/en/docs/reference/middleware.md): Starlette's
// CORSMiddleware, HTTPSRedirectMiddleware and TrustedHostMiddleware are `cors()`, `httpsRedirect()`
// and `trustedHost()` with the same options in camelCase. GZipMiddleware has no counterpart yet.
import { cors, createApp, httpsRedirect, trustedHost } from 'zigmund';

export const app = createApp({ trustProxy: true });
app.use(
  cors({ allowOrigins: ['https://app.example.com'], allowMethods: ['GET', 'POST'], allowHeaders: ['x-token'], allowCredentials: true, maxAge: 600 }),
  trustedHost({ hosts: ['example.com', '*.example.com'] }),
  httpsRedirect(),
);
app.get('/', () => ({ message: 'Hello World' }));
