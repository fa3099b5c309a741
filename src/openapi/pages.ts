/** What the Swagger UI page is made of. */
export interface SwaggerUiPageOptions {
  title: string;
  /** URL of the folder serving `swagger-ui-dist`'s files. */
  assets: string;
  /** URL of the script that starts Swagger UI (`swaggerUiInit()`'s text). */
  initScript: string;
}

/** What the script starting Swagger UI is configured with. */
export interface SwaggerUiInitOptions {
  openapiUrl: string;
  oauth2RedirectUrl: string;
  parameters?: Record<string, unknown>;
  initOAuth?: Record<string, unknown>;
}

// FastAPI's defaults: the plain layout, links to operations, and `x-` extensions shown.
const SWAGGER_UI_DEFAULTS = {
  dom_id: '#swagger-ui',
  layout: 'BaseLayout',
  deepLinking: true,
  showExtensions: true,
  showCommonExtensions: true,
};

/**
 * The HTML of Swagger UI. It has no inline script (Swagger UI is started by a served script),
 * so it works under a Content-Security-Policy of `script-src 'self'`, such as helmet's default.
 */
export function swaggerUiPage(options: SwaggerUiPageOptions): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)} - Swagger UI</title>
<link rel="stylesheet" href="${escapeHtml(options.assets)}/swagger-ui.css">
<link rel="icon" type="image/png" href="${escapeHtml(options.assets)}/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="${escapeHtml(options.assets)}/swagger-ui-bundle.js"></script>
<script src="${escapeHtml(options.initScript)}"></script>
</body>
</html>
`;
}

/** The script that starts Swagger UI on the page, configured for the app's document. */
export function swaggerUiInit(options: SwaggerUiInitOptions): string {
  const parameters = { url: options.openapiUrl, ...SWAGGER_UI_DEFAULTS, ...options.parameters };
  const initOAuth = options.initOAuth ? `\nui.initOAuth(${scriptJson(options.initOAuth)});` : '';
  return `const ui = SwaggerUIBundle({
  ...${scriptJson(parameters)},
  oauth2RedirectUrl: window.location.origin + ${scriptJson(options.oauth2RedirectUrl)},
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],
});${initOAuth}
window.ui = ui;
`;
}

/** What the ReDoc page is made of. */
export interface RedocPageOptions {
  title: string;
  openapiUrl: string;
  /** URL of the folder serving `redoc.standalone.js`. */
  assets: string;
}

/** The HTML of ReDoc; it has no inline script, so its page can forbid them. */
export function redocPage(options: RedocPageOptions): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)} - ReDoc</title>
<link rel="icon" href="data:,">
<style>body { margin: 0; padding: 0; }</style>
</head>
<body>
<noscript>ReDoc needs JavaScript to show the API documentation.</noscript>
<redoc spec-url="${escapeHtml(options.openapiUrl)}"></redoc>
<script src="${escapeHtml(options.assets)}/redoc.standalone.js"></script>
</body>
</html>
`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

// JSON in a script: a "</script>" or "<!--" in a value must not end or change it were it ever inlined.
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
