import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient, createApp, getRedocHtml, getSwaggerUiHtml, getSwaggerUiOauth2RedirectHtml, swaggerUiDefaultParameters } from 'zigmund';

/** The object spread into `SwaggerUIBundle(...)` by the inlined starter script. */
function bundleParameters(page: string): Record<string, unknown> {
  return JSON.parse(/\.\.\.(\{.*\}),/.exec(page)![1]!) as Record<string, unknown>;
}

function customDocsApp() {
  const app = createApp({ title: 'Shop', docsUrl: null, redocUrl: null, logStartup: false });
  app.get(
    '/docs',
    () =>
      getSwaggerUiHtml({
        openapiUrl: '/openapi.json',
        title: 'Shop - Swagger UI',
        oauth2RedirectUrl: '/docs/oauth2-redirect',
        swaggerJsUrl: 'https://cdn.example/swagger-ui-bundle.js',
        swaggerCssUrl: 'https://cdn.example/swagger-ui.css',
      }),
    { includeInSchema: false },
  );
  app.get('/docs/oauth2-redirect', () => getSwaggerUiOauth2RedirectHtml(), { includeInSchema: false });
  app.get('/redoc', () => getRedocHtml({ openapiUrl: '/openapi.json', title: 'Shop - ReDoc', redocJsUrl: 'https://cdn.example/redoc.standalone.js' }), {
    includeInSchema: false,
  });
  app.get('/users/:username', () => ({ ok: true }));
  return app;
}

test('getSwaggerUiHtml writes a page loading Swagger UI from the given URLs and starting it inline', async () => {
  const res = await new TestClient(customDocsApp()).get('/docs');
  assert.equal(res.status, 200);
  assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
  assert.match(res.text, /<title>Shop - Swagger UI<\/title>/);
  assert.match(res.text, /<script src="https:\/\/cdn\.example\/swagger-ui-bundle\.js"><\/script>/);
  assert.match(res.text, /<link rel="stylesheet" href="https:\/\/cdn\.example\/swagger-ui\.css">/);
  assert.deepEqual(bundleParameters(res.text), { url: '/openapi.json', ...swaggerUiDefaultParameters });
  assert.match(res.text, /oauth2RedirectUrl: window\.location\.origin \+ "\/docs\/oauth2-redirect"/);
  assert.doesNotMatch(res.text, /initOAuth|rel="icon"/);
});

test('getSwaggerUiHtml applies swaggerUiParameters over the defaults, initOAuth and a favicon', () => {
  const page = getSwaggerUiHtml({
    openapiUrl: '/api.json',
    title: 'T',
    swaggerJsUrl: '/s.js',
    swaggerCssUrl: '/s.css',
    swaggerFaviconUrl: '/icon.png',
    swaggerUiParameters: { deepLinking: false, syntaxHighlight: { theme: 'obsidian' } },
    initOAuth: { clientId: 'docs' },
  }).body as string;
  assert.deepEqual(bundleParameters(page), {
    url: '/api.json',
    ...swaggerUiDefaultParameters,
    deepLinking: false,
    syntaxHighlight: { theme: 'obsidian' },
  });
  assert.match(page, /ui\.initOAuth\(\{"clientId":"docs"\}\);/);
  assert.match(page, /<link rel="icon" href="\/icon\.png">/);
  assert.doesNotMatch(page, /oauth2RedirectUrl/);
});

test('getSwaggerUiHtml escapes the title and URLs, and keeps parameters from ending the inline script', () => {
  const page = getSwaggerUiHtml({
    openapiUrl: '/openapi.json',
    title: '<b>"Shop"</b>',
    swaggerJsUrl: '/s.js?a=1&b="2"',
    swaggerCssUrl: '/s.css',
    swaggerUiParameters: { note: '</script><script>alert(1)</script>' },
  }).body as string;
  assert.match(page, /<title>&lt;b&gt;&quot;Shop&quot;&lt;\/b&gt;<\/title>/);
  assert.match(page, /src="\/s\.js\?a=1&amp;b=&quot;2&quot;"/);
  assert.equal(page.match(/<\/script>/g)!.length, 2);
  assert.equal(bundleParameters(page).note, '</script><script>alert(1)</script>');
});

test('swaggerUiDefaultParameters are FastAPI\'s and cannot be changed by accident', () => {
  assert.deepEqual(swaggerUiDefaultParameters, {
    dom_id: '#swagger-ui',
    layout: 'BaseLayout',
    deepLinking: true,
    showExtensions: true,
    showCommonExtensions: true,
  });
  assert.ok(Object.isFrozen(swaggerUiDefaultParameters));
});

test('getRedocHtml writes a page loading ReDoc from the given URL; Google Fonts only when asked', async () => {
  const res = await new TestClient(customDocsApp()).get('/redoc');
  assert.equal(res.status, 200);
  assert.match(res.text, /<title>Shop - ReDoc<\/title>/);
  assert.match(res.text, /<redoc spec-url="\/openapi\.json"><\/redoc>/);
  assert.match(res.text, /<script src="https:\/\/cdn\.example\/redoc\.standalone\.js"><\/script>/);
  assert.doesNotMatch(res.text, /googleapis/);
  const fonts = getRedocHtml({ openapiUrl: '/o.json', title: 'T', redocJsUrl: '/r.js', withGoogleFonts: true, redocFaviconUrl: '/f.png' }).body as string;
  assert.match(fonts, /fonts\.googleapis\.com\/css\?family=Montserrat/);
  assert.match(fonts, /<link rel="icon" href="\/f\.png">/);
});

test('getSwaggerUiOauth2RedirectHtml answers the page handing the OAuth2 result back to Swagger UI', async () => {
  const res = await new TestClient(customDocsApp()).get('/docs/oauth2-redirect');
  assert.equal(res.status, 200);
  assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
  assert.match(res.text, /window\.opener\.swaggerUIRedirectOauth2/);
  assert.doesNotMatch(res.text, /<script src=/);
});

test('custom documentation routes stay out of the document', async () => {
  const doc = customDocsApp().openapi();
  assert.deepEqual(Object.keys(doc.paths), ['/users/{username}']);
});
