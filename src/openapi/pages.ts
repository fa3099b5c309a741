/** What the Swagger UI page is made of. */
export interface SwaggerUiPageOptions {
  /** The page's whole `<title>`. */
  title: string;
  swaggerJsUrl: string;
  swaggerCssUrl: string;
  /** The page has no icon link without one. */
  swaggerFaviconUrl?: string;
  /** The script that starts Swagger UI (`swaggerUiInit()`'s text): its URL, or the text itself, inlined. */
  init: { src: string } | { text: string };
}

/** What the script starting Swagger UI is configured with. */
export interface SwaggerUiInitOptions {
  openapiUrl: string;
  oauth2RedirectUrl?: string;
  parameters?: Record<string, unknown>;
  initOAuth?: Record<string, unknown>;
}

/**
 * FastAPI's defaults for Swagger UI (`swagger_ui_default_parameters`): the plain layout, links
 * to operations, and `x-` extensions shown. `swaggerUiParameters` are applied over them.
 */
export const swaggerUiDefaultParameters: Readonly<Record<string, unknown>> = Object.freeze({
  dom_id: '#swagger-ui',
  layout: 'BaseLayout',
  deepLinking: true,
  showExtensions: true,
  showCommonExtensions: true,
});

/**
 * The HTML of Swagger UI. Started by a served script, it has no inline script, so it works
 * under a Content-Security-Policy of `script-src 'self'`, such as helmet's default.
 */
export function swaggerUiPage(options: SwaggerUiPageOptions): string {
  const icon = options.swaggerFaviconUrl === undefined ? '' : `<link rel="icon" href="${escapeHtml(options.swaggerFaviconUrl)}">\n`;
  const start = 'src' in options.init ? `<script src="${escapeHtml(options.init.src)}"></script>` : `<script>\n${options.init.text}</script>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<link rel="stylesheet" href="${escapeHtml(options.swaggerCssUrl)}">
${icon}</head>
<body>
<div id="swagger-ui"></div>
<script src="${escapeHtml(options.swaggerJsUrl)}"></script>
${start}
</body>
</html>
`;
}

/** The script that starts Swagger UI on the page, configured for the app's document. */
export function swaggerUiInit(options: SwaggerUiInitOptions): string {
  const parameters = { url: options.openapiUrl, ...swaggerUiDefaultParameters, ...options.parameters };
  const redirect = options.oauth2RedirectUrl === undefined ? '' : `\n  oauth2RedirectUrl: window.location.origin + ${scriptJson(options.oauth2RedirectUrl)},`;
  const initOAuth = options.initOAuth ? `\nui.initOAuth(${scriptJson(options.initOAuth)});` : '';
  return `const ui = SwaggerUIBundle({
  ...${scriptJson(parameters)},${redirect}
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],
});${initOAuth}
window.ui = ui;
`;
}

/** What the ReDoc page is made of. */
export interface RedocPageOptions {
  /** The page's whole `<title>`. */
  title: string;
  openapiUrl: string;
  redocJsUrl: string;
  /** Without one, the page asks for no icon (`data:,`). */
  redocFaviconUrl?: string;
  /** Load the Montserrat and Roboto fonts ReDoc is designed with from Google Fonts (default false). */
  withGoogleFonts?: boolean;
}

/** The HTML of ReDoc; it has no inline script, so its page can forbid them. */
export function redocPage(options: RedocPageOptions): string {
  const fonts = options.withGoogleFonts
    ? '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Montserrat:300,400,700|Roboto:300,400,700">\n'
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
${fonts}<link rel="icon" href="${escapeHtml(options.redocFaviconUrl ?? 'data:,')}">
<style>body { margin: 0; padding: 0; }</style>
</head>
<body>
<noscript>ReDoc needs JavaScript to show the API documentation.</noscript>
<redoc spec-url="${escapeHtml(options.openapiUrl)}"></redoc>
<script src="${escapeHtml(options.redocJsUrl)}"></script>
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
