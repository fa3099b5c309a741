import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Response } from '../http/response.js';
import { redocPage, swaggerUiInit, swaggerUiPage, type RedocPageOptions } from './pages.js';

/** What `getSwaggerUiHtml()` writes into the page. */
export interface SwaggerUiHtmlOptions {
  /** The URL Swagger UI loads the document from, e.g. `/openapi.json`. */
  openapiUrl: string;
  /** The page's `<title>`, e.g. `'My API - Swagger UI'`. */
  title: string;
  /** Where `swagger-ui-bundle.js` is served. */
  swaggerJsUrl: string;
  /** Where `swagger-ui.css` is served. */
  swaggerCssUrl: string;
  swaggerFaviconUrl?: string;
  /** The OAuth2 redirect page's path (e.g. `/docs/oauth2-redirect`), for Swagger UI's Authorize dialog. */
  oauth2RedirectUrl?: string;
  /** Passed to `ui.initOAuth(...)`, e.g. `{ clientId: 'docs' }`. */
  initOAuth?: Record<string, unknown>;
  /** Passed to `SwaggerUIBundle(...)` over `swaggerUiDefaultParameters`. */
  swaggerUiParameters?: Record<string, unknown>;
}

/** What `getRedocHtml()` writes into the page. */
export type RedocHtmlOptions = RedocPageOptions;

/**
 * The Swagger UI page for your own route, with the asset URLs you choose (FastAPI's
 * `get_swagger_ui_html`); the app's own `/docs` needs none of this. The script starting
 * Swagger UI is inlined, so a Content-Security-Policy on this page must allow it.
 * @example
 * app.get('/docs', () => getSwaggerUiHtml({
 *   openapiUrl: '/openapi.json', title: 'Shop - Swagger UI',
 *   swaggerJsUrl: '/static/swagger-ui-bundle.js', swaggerCssUrl: '/static/swagger-ui.css',
 * }), { includeInSchema: false });
 */
export function getSwaggerUiHtml(options: SwaggerUiHtmlOptions): Response {
  const init = swaggerUiInit({
    openapiUrl: options.openapiUrl,
    oauth2RedirectUrl: options.oauth2RedirectUrl,
    parameters: options.swaggerUiParameters,
    initOAuth: options.initOAuth,
  });
  return Response.html(swaggerUiPage({ ...options, init: { text: init } }));
}

/** The ReDoc page for your own route, with the script URL you choose (FastAPI's `get_redoc_html`). */
export function getRedocHtml(options: RedocHtmlOptions): Response {
  return Response.html(redocPage(options));
}

const require = createRequire(import.meta.url);
let redirectScript: string | undefined;

/**
 * The page Swagger UI's OAuth2 flows return to (FastAPI's `get_swagger_ui_oauth2_redirect_html`),
 * with the installed swagger-ui-dist's `oauth2-redirect.js` inlined; serve it at the
 * `oauth2RedirectUrl` given to `getSwaggerUiHtml()`.
 */
export function getSwaggerUiOauth2RedirectHtml(): Response {
  // Read once, on first use: the page is asked for only when someone authorizes in the docs.
  redirectScript ??= readFileSync(require.resolve('swagger-ui-dist/oauth2-redirect.js'), 'utf8');
  return Response.html(`<!doctype html>
<html lang="en">
<head>
<title>Swagger UI: OAuth2 Redirect</title>
</head>
<body>
<script>
${redirectScript}
</script>
</body>
</html>
`);
}
