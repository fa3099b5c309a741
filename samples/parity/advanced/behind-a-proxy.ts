// Mirrors FastAPI's "Behind a Proxy" (docs/en/docs/advanced/behind-a-proxy.md): the app option
// `rootPath` is FastAPI's `root_path`, `servers` and `rootPathInServers` as in FastAPI, and
// `trustProxy` makes `X-Forwarded-Proto/-Host` shape the URLs the app builds (FastAPI's
// `--forwarded-allow-ips`). FastAPI reads the root path from `request.scope["root_path"]`;
// Zigmund's request has it as `req.rootPath`.
import { createApp, type AppOptions, type Request } from 'zigmund';

function proxiedApp(options: AppOptions) {
  const app = createApp(options);
  app.get('/app', (req: Request) => ({ message: 'Hello World', root_path: req.rootPath }));
  return app;
}

const servers = [
  { url: 'https://stag.example.com', description: 'Staging environment' },
  { url: 'https://prod.example.com', description: 'Production environment' },
];

/** A redirect behind a TLS-terminating proxy: the trailing-slash redirect keeps the proxy's scheme and host. */
export const itemsApp = createApp({ trustProxy: true });
itemsApp.get('/items/', () => ['plumbus', 'portal gun']);

/** The root path set in the app (FastAPI's `FastAPI(root_path="/api/v1")`). */
export const rootPathApp = proxiedApp({ rootPath: '/api/v1' });

/** Extra servers: the root path is listed first, then these. */
export const serversApp = proxiedApp({ rootPath: '/api/v1', servers });

/** `rootPathInServers: false`: only the servers given. */
export const serversOnlyApp = proxiedApp({ rootPath: '/api/v1', servers, rootPathInServers: false });
