import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type nunjucks from 'nunjucks';
import { Request } from '../http/request.js';
import { Response } from '../http/response.js';

/** Options of `new Templates()`. */
export interface TemplatesOptions {
  /** The folder templates are read from. */
  directory: string;
  /** HTML-escape every `{{ value }}` (default true); `{{ value | safe }}` opts one out. */
  autoescape?: boolean;
  /** Compile each template once and keep it (default true); `false` re-reads templates on every render, for development. */
  cache?: boolean;
  /** Filters usable as `{{ value | name }}`. */
  filters?: Record<string, (...args: never[]) => unknown>;
  /** Values every template sees. */
  globals?: Record<string, unknown>;
}

/** Options of `templates.render()`. */
export interface RenderOptions {
  status?: number;
  headers?: Record<string, string>;
}

/**
 * Jinja-like HTML templates on nunjucks, as FastAPI's `Jinja2Templates`. When the context has
 * a `request` (a `Request`), templates can call `url_for('name', { id: 3 })`.
 * @example
 * const templates = new Templates({ directory: 'templates' });
 * return templates.render('item.html', { request: req, id });
 */
export class Templates {
  /** The nunjucks environment, for anything beyond these options. */
  readonly env: nunjucks.Environment;

  constructor(options: TemplatesOptions) {
    const engine = createRequire(import.meta.url)('nunjucks') as typeof nunjucks;
    const loader = new engine.FileSystemLoader(resolve(options.directory), { noCache: options.cache === false });
    this.env = new engine.Environment(loader, { autoescape: options.autoescape !== false, throwOnUndefined: false });
    for (const [name, filter] of Object.entries(options.filters ?? {})) this.env.addFilter(name, filter as (...args: unknown[]) => unknown);
    for (const [name, value] of Object.entries(options.globals ?? {})) this.env.addGlobal(name, value);
  }

  /** The template rendered to a string. */
  renderToString(name: string, context: Record<string, unknown> = {}): string {
    const request = context.request;
    const helpers = request instanceof Request ? { url_for: (route: string, params?: Record<string, unknown>) => request.urlFor(route, withoutKeywordsMark(params)) } : {};
    return this.env.render(name, { ...helpers, ...context });
  }

  /** The template rendered as an HTML `Response` (`text/html; charset=utf-8`). */
  render(name: string, context: Record<string, unknown> = {}, options: RenderOptions = {}): Response {
    return Response.html(this.renderToString(name, context), options.status ?? 200, options.headers ?? {});
  }
}

// nunjucks passes `url_for('item', id=3)` keyword arguments as an object marked `__keywords`.
function withoutKeywordsMark(params: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!params || !('__keywords' in params)) return params;
  const { __keywords: _mark, ...rest } = params;
  return rest;
}
