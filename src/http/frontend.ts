import { realpathSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { isInside, lookupFile, writeSentFile } from './file.js';
import type { NodeHandler } from './mount.js';
import { REFUSED, rangeOf, redirectToFolder, writeFolderPage } from './static-files.js';
import { writeDetail } from './write.js';

/** What a missing path of a frontend answers; see `FrontendOptions.fallback`. */
export type FrontendFallback = 'auto' | 'index.html' | '404.html' | null;

/** Options of `frontend()` and `app.frontend()`. */
export interface FrontendOptions {
  /** The build output folder (`dist`). Nothing outside it is served, symlinks included. */
  directory: string;
  /**
   * A missing path answers: `'404.html'` that page with status 404; `'index.html'` the app's
   * index with 200, only to browser navigations (GET or HEAD with `Accept: text/html` or
   * `application/xhtml+xml`), for client-side routing; `null` a plain 404. `'auto'` (default):
   * `404.html` if the folder has one, else `index.html` if it has one, else a plain 404.
   */
  fallback?: FrontendFallback;
  /**
   * Check the folder (and an explicit fallback file) when the app is built: `true` throws
   * then; `false` lets a later build step create it (a request before that is an error);
   * `'auto'` (default) checks, except with `ZIGMUND_ENV=development` where it only warns.
   */
  checkDir?: boolean | 'auto';
}

const FALLBACKS = new Set<unknown>(['auto', 'index.html', '404.html', null]);
const SEND_OPTIONS = { dotfiles: 'ignore' as const, index: ['index.html'] };

/**
 * Serves a built frontend (React with Vite, Vue, Svelte, Astro…), as FastAPI's `app.frontend()`:
 * files of the folder, a folder's `index.html` (redirected to its trailing slash), and for a
 * missing path the fallback that client-side routing or a static site needs. Mount it after the
 * API, which wins: `app.frontend('/', { directory: 'dist' })`.
 */
export function frontend(options: FrontendOptions): NodeHandler {
  const fallback = options.fallback === undefined ? 'auto' : options.fallback;
  if (!FALLBACKS.has(fallback)) throw new Error(`frontend(): fallback must be 'auto', 'index.html', '404.html' or null, not ${JSON.stringify(fallback)}`);
  let root = checkDirectory(options) ? rootOf(options.directory, fallback) : undefined;

  return async function serveFrontend(req: IncomingMessage, res: ServerResponse): Promise<void> {
    root ??= rootOf(options.directory, null);
    const target = req.url ?? '/';
    const query = target.indexOf('?');
    const path = query === -1 ? target : target.slice(0, query);
    if (REFUSED.test(path)) return writeDetail(res, 404, 'Not Found');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      // A file that exists refuses the method; a path only the fallback would answer is just missing.
      if (await exists(req, root, path)) return writeDetail(res, 405, 'Method Not Allowed', { allow: 'GET, HEAD' });
      return writeDetail(res, 404, 'Not Found');
    }
    const found = await lookupFile(req, root, path, SEND_OPTIONS);
    if ('stream' in found) {
      if (await isInside(root, found.path)) return writeSentFile(res, found, found.headers, req.method === 'HEAD');
      found.stream.destroy();
    } else if ('redirect' in found) {
      if (await exists(req, root, `${path}/`)) return redirectToFolder(req, res);
    } else if (found.status === 412 || found.status === 416) {
      return writeDetail(res, found.status, found.status === 416 ? 'Range Not Satisfiable' : 'Precondition Failed', rangeOf(found));
    }
    if (fallback === '404.html' || (fallback === 'auto' && isFile(root, '404.html'))) return writeFolderPage(req, res, root, '404.html', 404);
    if (isNavigation(req) && (fallback === 'index.html' || (fallback === 'auto' && isFile(root, 'index.html')))) {
      return writeFolderPage(req, res, root, 'index.html', 200);
    }
    writeDetail(res, 404, 'Not Found');
  };
}

function checkDirectory(options: FrontendOptions): boolean {
  const check = options.checkDir ?? 'auto';
  if (check !== 'auto') return check;
  if (process.env.ZIGMUND_ENV !== 'development') return true;
  if (!isDirectory(options.directory)) console.warn(`frontend(): the directory ${JSON.stringify(options.directory)} does not exist (yet)`);
  return false;
}

/** The folder's real path; throws when it, or an explicit fallback file, is missing. */
function rootOf(directory: string, fallback: FrontendFallback): string {
  if (!isDirectory(directory)) throw new Error(`frontend(): the directory ${JSON.stringify(directory)} does not exist`);
  const root = realpathSync(directory);
  if ((fallback === 'index.html' || fallback === '404.html') && !isFile(root, fallback)) {
    throw new Error(`frontend(): the fallback file ${fallback} does not exist in ${JSON.stringify(directory)}`);
  }
  return root;
}

function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
}

function isFile(root: string, name: string): boolean {
  return statSync(join(root, name), { throwIfNoEntry: false })?.isFile() === true;
}

/** Whether `path` is a file of the folder, or a folder with an index.html, whatever the method. */
async function exists(req: IncomingMessage, root: string, path: string): Promise<boolean> {
  const asGet = Object.assign(Object.create(req) as IncomingMessage, { method: 'GET', headers: {} });
  const found = await lookupFile(asGet, root, path, SEND_OPTIONS);
  if (!('stream' in found)) return 'redirect' in found && !path.endsWith('/') && exists(req, root, `${path}/`);
  found.stream.destroy();
  return isInside(root, found.path);
}

/** A browser navigation: the client accepts HTML by name (not only through a wildcard), with q above 0. */
function isNavigation(req: IncomingMessage): boolean {
  const accept = req.headers.accept;
  if (accept === undefined) return false;
  for (const entry of accept.split(',')) {
    const [type = '', ...params] = entry.split(';');
    const mediaType = type.trim().toLowerCase();
    if (mediaType !== 'text/html' && mediaType !== 'application/xhtml+xml') continue;
    const q = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith('q='));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    if (quality !== 0) return true;
  }
  return false;
}
