import type { RouteDefinition } from '../http/route.js';
import { buildAsyncApi } from './asyncapi.js';
import { buildOpenApi } from './document.js';
import type { DependencyGraph } from './route-params.js';
import type { AsyncApiDocument, DocumentInfo, OpenApiDocument } from './types.js';

/** What the documents are built from: an `App`'s options, route table and compiled dependencies. */
export interface DocumentedApp {
  readonly config: DocumentInfo;
  readonly routes: readonly RouteDefinition[];
  readonly container: { readonly dependencyParams: DependencyGraph };
}

interface Built {
  // How many routes the table had: routes only ever get added, so a new count means stale documents.
  routeCount: number;
  openapi?: OpenApiDocument;
  asyncapi?: AsyncApiDocument;
}

const built = new WeakMap<DocumentedApp, Built>();

function current(app: DocumentedApp): Built {
  let entry = built.get(app);
  if (entry === undefined || entry.routeCount !== app.routes.length) {
    entry = { routeCount: app.routes.length };
    built.set(app, entry);
  }
  return entry;
}

/**
 * The app's OpenAPI document, built on first use and kept until a route is added, so edits
 * made to the returned object show in `/openapi.json` too.
 */
export function openapiOf(app: DocumentedApp): OpenApiDocument {
  const entry = current(app);
  return (entry.openapi ??= buildOpenApi(app.routes, app.config, app.container.dependencyParams));
}

/** The app's AsyncAPI document, built and kept like `openapiOf`. */
export function asyncapiOf(app: DocumentedApp): AsyncApiDocument {
  const entry = current(app);
  return (entry.asyncapi ??= buildAsyncApi(app.routes, app.config, app.container.dependencyParams));
}
