import { realpathSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { isInside, lookupFile, writeSentFile, type FileLookup } from './file.js';
import type { NodeHandler } from './mount.js';
import { writeDetail } from './write.js';

/** Options of `staticFiles()`. */
export interface StaticFilesOptions {
  /** The folder served; it must exist. Nothing outside it is ever served, symlinks included. */
  directory: string;
  /**
   * HTML mode, as Starlette's: a folder answers its `index.html` (a folder asked without its
   * trailing slash is redirected to it), and a missing file the folder's `404.html` if there is one.
   */
  html?: boolean;
  /** `Cache-Control: public, max-age=…` in seconds (default 0: browsers revalidate with the ETag). */
  maxAgeSec?: number;
}

type WithOriginalUrl = IncomingMessage & { originalUrl?: string };

// Spellings of a path separator or of NUL that the file system must never see: a backslash
// (a separator on Windows, and a way around `..` checks that split on `/`) and NUL.
export const REFUSED = /\\|%5c|%00|\0/i;

/**
 * Serves the files of a folder, for `app.mount('/static', staticFiles({ directory: 'public' }))`:
 * GET and HEAD, with ETag, Last-Modified, Range and 304 from `@fastify/send`. Dot files,
 * paths out of the folder (`..` in any encoding, backslashes, NUL, symlinks pointing out)
 * and missing files are all the same 404.
 */
export function staticFiles(options: StaticFilesOptions): NodeHandler {
  let root: string;
  try {
    root = realpathSync(options.directory);
  } catch {
    throw new Error(`staticFiles(): the directory ${JSON.stringify(options.directory)} does not exist`);
  }
  if (!statSync(root).isDirectory()) throw new Error(`staticFiles(): ${JSON.stringify(options.directory)} is not a directory`);
  const html = options.html === true;
  const sendOptions = { dotfiles: 'ignore' as const, index: html ? ['index.html'] : false, maxAge: (options.maxAgeSec ?? 0) * 1000 };

  return async function serveStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return writeDetail(res, 405, 'Method Not Allowed', { allow: 'GET, HEAD' });
    const target = req.url ?? '/';
    const query = target.indexOf('?');
    const path = query === -1 ? target : target.slice(0, query);
    if (REFUSED.test(path)) return writeDetail(res, 404, 'Not Found');
    const found = await lookupFile(req, root, path, sendOptions);
    if ('redirect' in found) {
      if (!html) return writeDetail(res, 404, 'Not Found');
      return redirectToFolder(req, res);
    }
    if ('stream' in found) {
      if (await isInside(root, found.path)) return writeSentFile(res, found, found.headers, req.method === 'HEAD');
      found.stream.destroy();
    } else if (found.status === 412 || found.status === 416) {
      return writeDetail(res, found.status, found.status === 416 ? 'Range Not Satisfiable' : 'Precondition Failed', rangeOf(found));
    }
    if (html) return writeFolderPage(req, res, root, '404.html', 404);
    writeDetail(res, 404, 'Not Found');
  };
}

/**
 * The 307 from a folder's path to its trailing-slash form, as the client spelled the path (above
 * any mount). Leading slashes collapse to one: `//evil.example/` would send a browser to another
 * host.
 */
export function redirectToFolder(req: IncomingMessage, res: ServerResponse): void {
  const sent = ((req as WithOriginalUrl).originalUrl ?? req.url ?? '/').replace(/^\/{2,}/, '/');
  const end = sent.indexOf('?');
  const location = end === -1 ? `${sent}/` : `${sent.slice(0, end)}/${sent.slice(end)}`;
  writeDetail(res, 307, 'Temporary Redirect', { location });
}

/**
 * Answers with a page of the folder (`404.html`, a frontend's `index.html`) under `status`, in
 * place of a path that is missing; a plain JSON 404 when the page is missing too.
 */
export async function writeFolderPage(req: IncomingMessage, res: ServerResponse, root: string, page: string, status: number): Promise<void> {
  // Without the request's ranges and validators: they were about the file that is missing.
  const bare = Object.assign(Object.create(req) as IncomingMessage, { headers: {} });
  const found = await lookupFile(bare, root, `/${page}`, { dotfiles: 'ignore', index: false, cacheControl: false, etag: false, lastModified: false });
  if (!('stream' in found) || !(await isInside(root, join(root, page)))) return writeDetail(res, 404, 'Not Found');
  return writeSentFile(res, { ...found, status }, found.headers, req.method === 'HEAD');
}

/** The `Content-Range` of a 416, to repeat on the error answer. */
export function rangeOf(found: FileLookup): Record<string, string> {
  const range = found.headers['content-range'];
  return typeof range === 'string' ? { 'content-range': range } : {};
}
