// Mirrors FastAPI's "Custom Docs UI Static Assets (Self-Hosting)"
// (docs/en/docs/how-to/custom-docs-ui-assets.md, docs_src/custom_docs_ui/tutorial001 and 002).
// Zigmund already self-hosts the docs' files by default (from the installed swagger-ui-dist and
// redoc packages), so the page's two apps are about choosing other URLs:
// - `cdnApp` (tutorial001): the automatic docs turned off, the pages written with
//   getSwaggerUiHtml()/getRedocHtml() to load their files from another CDN (unpkg);
// - `app` (tutorial002): the files served by the app itself from /static. Instead of downloading
//   them into a folder, the installed packages' folders are mounted with staticFiles().
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createApp, getRedocHtml, getSwaggerUiHtml, getSwaggerUiOauth2RedirectHtml, staticFiles, type App, type Request } from 'zigmund';

const hidden = { includeInSchema: false };

function customDocs(app: App, urls: { swaggerJsUrl: string; swaggerCssUrl: string; redocJsUrl: string }): App {
  app.get(
    '/docs',
    () =>
      getSwaggerUiHtml({
        openapiUrl: '/openapi.json',
        title: 'Zigmund - Swagger UI',
        oauth2RedirectUrl: '/docs/oauth2-redirect',
        swaggerJsUrl: urls.swaggerJsUrl,
        swaggerCssUrl: urls.swaggerCssUrl,
      }),
    hidden,
  );
  app.get('/docs/oauth2-redirect', () => getSwaggerUiOauth2RedirectHtml(), hidden);
  app.get('/redoc', () => getRedocHtml({ openapiUrl: '/openapi.json', title: 'Zigmund - ReDoc', redocJsUrl: urls.redocJsUrl }), hidden);
  app.get('/users/:username', (req: Request) => ({ message: `Hello ${req.params.username}` }));
  return app;
}

export const cdnApp = customDocs(createApp({ docsUrl: null, redocUrl: null }), {
  swaggerJsUrl: 'https://unpkg.com/swagger-ui-dist@5/swagger-ui-bundle.js',
  swaggerCssUrl: 'https://unpkg.com/swagger-ui-dist@5/swagger-ui.css',
  redocJsUrl: 'https://unpkg.com/redoc@2/bundles/redoc.standalone.js',
});

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

export const app = createApp({ docsUrl: null, redocUrl: null });
app.mount('/static/swagger-ui', staticFiles({ directory: packageDir('swagger-ui-dist') }));
app.mount('/static/redoc', staticFiles({ directory: join(packageDir('redoc'), 'bundles') }));
customDocs(app, {
  swaggerJsUrl: '/static/swagger-ui/swagger-ui-bundle.js',
  swaggerCssUrl: '/static/swagger-ui/swagger-ui.css',
  redocJsUrl: '/static/redoc/redoc.standalone.js',
});
