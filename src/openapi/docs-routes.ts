import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { HttpException } from '../http/exceptions.js';
import type { Request } from '../http/request.js';
import { Response } from '../http/response.js';
import type { HttpRouteOptions } from '../metadata/route-options.js';
import { asyncapiOf, openapiOf, type DocumentedApp } from './app-documents.js';
import { redocPage, swaggerUiInit, swaggerUiPage } from './pages.js';
import type { DocumentInfo, OpenApiDocument } from './types.js';

/** The documentation options of `createApp()` and `bootstrap()`. */
export interface DocsOptions extends DocumentInfo {
  /** Where the OpenAPI document is served (default `/openapi.json`); `null` turns it, `/docs` and `/redoc` off. */
  openapiUrl?: string | null;
  /** Where the AsyncAPI document of the WebSocket routes is served (default `/asyncapi.json`); `null` turns it off. */
  asyncapiUrl?: string | null;
  /** Where Swagger UI is served (default `/docs`); `null` turns it off. */
  docsUrl?: string | null;
  /** Where ReDoc is served (default `/redoc`); a 404 saying so if the `redoc` package was removed; `null` turns it off. */
  redocUrl?: string | null;
  /** Passed to `SwaggerUIBundle(...)` over Zigmund's defaults, e.g. `{ docExpansion: 'none' }`. */
  swaggerUiParameters?: Record<string, unknown>;
  /**
   * Where Swagger UI's OAuth2 redirect page is served (default `oauth2-redirect` under `docsUrl`,
   * as FastAPI's `/docs/oauth2-redirect`); `null` serves none and tells Swagger UI of none.
   */
  swaggerUiOauth2RedirectUrl?: string | null;
  /** Passed to Swagger UI's `initOAuth(...)`, e.g. `{ clientId: 'docs' }`, to prefill the Authorize dialog. */
  swaggerUiInitOAuth?: Record<string, unknown>;
  /**
   * List the root path (`rootPath`, a mount's prefix) first in the served document's `servers`
   * (default true), as FastAPI's `root_path_in_servers`; `false` keeps `servers` as given.
   */
  rootPathInServers?: boolean;
}

/** The app as the documentation routes need it: options, route table, and a way to add GET routes. */
export interface DocsHost extends DocumentedApp {
  readonly config: DocsOptions;
  get(path: string, handler: (req: Request) => unknown, options?: HttpRouteOptions): unknown;
}

const HIDDEN: HttpRouteOptions = { includeInSchema: false };
// Asset URLs carry the package version, so a browser may keep them for good.
const IMMUTABLE = { 'cache-control': 'public, max-age=31536000, immutable', 'x-content-type-options': 'nosniff' };
// The pages embed the app's title and options, which change with every deploy.
const REVALIDATE = { 'cache-control': 'no-cache' };
// ReDoc 2 draws its sidebar logo from cdn.redoc.ly; the policy keeps the page on this origin.
const REDOC_POLICY =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; worker-src 'self' blob:";

const require = createRequire(import.meta.url);
const SWAGGER_UI = installed('swagger-ui-dist');
// ReDoc is a dependency, but its package (React, MobX, core-js for the one standalone bundle
// served here) is the one an installation is most likely to prune: without it, /redoc says so.
const REDOC = installed('redoc');

/** The folder and version of an installed package, or undefined when it is not installed. */
function installed(name: string): { dir: string; version: string } | undefined {
  let manifest: string;
  try {
    manifest = require.resolve(`${name}/package.json`);
  } catch {
    return undefined;
  }
  return { dir: dirname(manifest), version: (require(manifest) as { version: string }).version };
}

// A dependency: without it the app cannot serve /docs, so say why when the page is asked for.
function swaggerUi(): { dir: string; version: string } {
  if (SWAGGER_UI === undefined) throw new Error('swagger-ui-dist is not installed: it is a dependency of zigmund (run npm install), needed to serve the docsUrl');
  return SWAGGER_UI;
}

const REDOC_MISSING = 'ReDoc is not installed: run `npm install redoc` in the app to serve it here (Swagger UI is at the docsUrl, /docs by default)';

const CONTENT_TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
};

/**
 * Adds the documentation routes the options ask for, all left out of the documents:
 * `/openapi.json`, `/asyncapi.json`, Swagger UI at `/docs` (with its OAuth2 redirect page at
 * `/docs/oauth2-redirect` unless moved, and the script starting it at `/docs/swagger-init.js`) and ReDoc at
 * `/redoc`, their assets served from the installed `swagger-ui-dist` and `redoc` packages. The documents are built on the first request.
 */
export function registerDocsRoutes(app: DocsHost): void {
  const { config } = app;
  const openapiUrl = config.openapiUrl === undefined ? '/openapi.json' : config.openapiUrl;
  const asyncapiUrl = config.asyncapiUrl === undefined ? '/asyncapi.json' : config.asyncapiUrl;
  const docsUrl = config.docsUrl === undefined ? '/docs' : config.docsUrl;
  const redocUrl = config.redocUrl === undefined ? '/redoc' : config.redocUrl;
  const title = config.title ?? 'Zigmund';

  // Behind a proxy's prefix or under a mount, the pages and the document carry the root path
  // (`req.rootPath`): the pages load the document and assets through it, and the document
  // lists it first in `servers`, as FastAPI does, so "Try it out" reaches the routes.
  const rootPathInServers = config.rootPathInServers ?? true;
  if (openapiUrl !== null) {
    app.get(
      openapiUrl,
      (req: Request) => Response.json(rootPathInServers ? withRootPath(openapiOf(app), req.rootPath) : openapiOf(app), 200, REVALIDATE),
      HIDDEN,
    );
  }
  if (asyncapiUrl !== null) app.get(asyncapiUrl, () => Response.json(asyncapiOf(app), 200, REVALIDATE), HIDDEN);
  // Both pages read the OpenAPI document.
  if (openapiUrl === null) return;

  if (docsUrl !== null) {
    const assets = under(docsUrl, `assets/swagger-ui@${swaggerUi().version}`);
    const oauth2RedirectUrl = config.swaggerUiOauth2RedirectUrl === undefined ? under(docsUrl, 'oauth2-redirect') : config.swaggerUiOauth2RedirectUrl;
    const initScript = under(docsUrl, 'swagger-init.js');
    const page = perRootPath((root) =>
      swaggerUiPage({
        title: `${title} - Swagger UI`,
        swaggerJsUrl: `${root}${assets}/swagger-ui-bundle.js`,
        swaggerCssUrl: `${root}${assets}/swagger-ui.css`,
        swaggerFaviconUrl: `${root}${assets}/favicon-32x32.png`,
        init: { src: root + initScript },
      }),
    );
    const init = perRootPath((root) =>
      swaggerUiInit({
        openapiUrl: root + openapiUrl,
        oauth2RedirectUrl: oauth2RedirectUrl === null ? undefined : root + oauth2RedirectUrl,
        parameters: config.swaggerUiParameters,
        initOAuth: config.swaggerUiInitOAuth,
      }),
    );
    app.get(docsUrl, (req: Request) => Response.html(page(req.rootPath), 200, REVALIDATE), HIDDEN);
    // Served, not inlined, so the page works under a policy that forbids inline scripts.
    app.get(initScript, (req: Request) => script(init(req.rootPath)), HIDDEN);
    const redirectPage = perRootPath((root) => `<!doctype html>\n<html lang="en">\n<body>\n<script src="${root}${assets}/oauth2-redirect.js"></script>\n</body>\n</html>\n`);
    if (oauth2RedirectUrl !== null) app.get(oauth2RedirectUrl, (req: Request) => Response.html(redirectPage(req.rootPath), 200, REVALIDATE), HIDDEN);
    serveAssets(app, assets, swaggerUi().dir, ['swagger-ui.css', 'swagger-ui-bundle.js', 'oauth2-redirect.js', 'favicon-32x32.png']);
  }

  if (redocUrl === null) return;
  if (REDOC === undefined) {
    app.get(redocUrl, () => Response.json({ detail: REDOC_MISSING }, 404), HIDDEN);
    return;
  }
  const assets = under(redocUrl, `assets/redoc@${REDOC.version}`);
  const page = perRootPath((root) =>
    redocPage({ title: `${title} - ReDoc`, openapiUrl: root + openapiUrl, redocJsUrl: `${root}${assets}/redoc.standalone.js` }),
  );
  app.get(redocUrl, (req: Request) => Response.html(page(req.rootPath), 200, { ...REVALIDATE, 'content-security-policy': REDOC_POLICY }), HIDDEN);
  serveAssets(app, assets, join(REDOC.dir, 'bundles'), ['redoc.standalone.js']);
}

/** A script that embeds the app's options: revalidated, as its page is. */
function script(text: string): Response {
  const res = Response.bytes(Buffer.from(text), CONTENT_TYPES['.js']);
  res.setHeader('cache-control', 'no-cache');
  res.setHeader('x-content-type-options', 'nosniff');
  return res;
}

/** A page rendered once per root path it is asked under (an app is mounted at a handful at most). */
function perRootPath(render: (rootPath: string) => string): (rootPath: string) => string {
  const pages = new Map<string, string>();
  return (rootPath) => {
    let page = pages.get(rootPath);
    if (page === undefined) pages.set(rootPath, (page = render(rootPath)));
    return page;
  };
}

/** The document with the root path as its first server, unless it is listed already. */
function withRootPath(document: OpenApiDocument, rootPath: string): OpenApiDocument {
  if (rootPath === '' || document.servers?.some((server) => server.url === rootPath)) return document;
  return { ...document, servers: [{ url: rootPath }, ...(document.servers ?? [])] };
}

// Only the listed files, so no other file of the package (or beyond it) can be asked for;
// each is read on its first request and kept in memory.
function serveAssets(app: DocsHost, url: string, dir: string, files: string[]): void {
  const loaded = new Map<string, Promise<Buffer>>();
  app.get(
    `${url}/:file`,
    async (req: Request) => {
      const file = req.params.file ?? '';
      if (!files.includes(file)) throw new HttpException(404);
      let bytes = loaded.get(file);
      if (bytes === undefined) loaded.set(file, (bytes = readFile(join(dir, file))));
      const res = Response.bytes(await bytes, CONTENT_TYPES[file.slice(file.lastIndexOf('.'))]);
      for (const [name, value] of Object.entries(IMMUTABLE)) res.setHeader(name, value);
      return res;
    },
    HIDDEN,
  );
}

/** Whether `route` is one of the documentation routes added here (`zigmund routes` leaves them out). */
export function isDocsRoute(route: { options: unknown }): boolean {
  return route.options === HIDDEN;
}

function under(base: string, rest: string): string {
  return `${base.replace(/\/+$/, '')}/${rest}`;
}
