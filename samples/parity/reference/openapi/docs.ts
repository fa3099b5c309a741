// Mirrors FastAPI's reference page "OpenAPI docs" (docs/en/docs/reference/openapi/docs.md):
// get_swagger_ui_html(), get_redoc_html(), get_swagger_ui_oauth2_redirect_html() and
// swagger_ui_default_parameters are getSwaggerUiHtml(), getRedocHtml(),
// getSwaggerUiOauth2RedirectHtml() and swaggerUiDefaultParameters. Zigmund serves its own pages
// (docsUrl, redocUrl, the OAuth2 redirect under docsUrl) with those defaults, overridable with
// `swaggerUiParameters` and `swaggerUiInitOAuth`; the builders write the same pages for routes of
// your own, here under /custom, with other asset URLs.
import { createApp, getRedocHtml, getSwaggerUiHtml, getSwaggerUiOauth2RedirectHtml } from 'zigmund';

export const app = createApp({
  title: 'Docs',
  swaggerUiParameters: { docExpansion: 'none' },
  swaggerUiInitOAuth: { clientId: 'docs-client' },
});
app.get('/ping', () => 'pong');

const hidden = { includeInSchema: false };
app.get(
  '/custom/docs',
  () =>
    getSwaggerUiHtml({
      openapiUrl: '/openapi.json',
      title: 'Docs - Swagger UI',
      oauth2RedirectUrl: '/custom/oauth2-redirect',
      swaggerJsUrl: 'https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui-bundle.js',
      swaggerCssUrl: 'https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui.css',
      swaggerUiParameters: { docExpansion: 'none' },
      initOAuth: { clientId: 'docs-client' },
    }),
  hidden,
);
app.get('/custom/oauth2-redirect', () => getSwaggerUiOauth2RedirectHtml(), hidden);
app.get(
  '/custom/redoc',
  () => getRedocHtml({ openapiUrl: '/openapi.json', title: 'Docs - ReDoc', redocJsUrl: 'https://cdn.jsdelivr.net/npm/redoc@2/bundles/redoc.standalone.js' }),
  hidden,
);
