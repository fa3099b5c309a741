import { parsePath, PathSyntaxError, type PathTemplate } from '../http/path-template.js';
import { BootstrapError } from '../metadata/bootstrap-error.js';

/**
 * Joins a controller prefix and a route path literally, as FastAPI's router prefixes: an empty
 * path is the prefix itself, and a trailing slash is kept (`/items` + `/` is `/items/`).
 * FastAPI's `{id}` and `{path:path}` spellings are accepted as `:id` and `*path`.
 */
export function joinPath(prefix: string, path: string, owner: string): string {
  const joined = (path === '' ? `/${prefix}` : `/${prefix}/${path}`).replace(/\/{2,}/g, '/');
  return templateOf(joined, owner, `${prefix}${path}`).path;
}

/** The parsed form of a route path; a malformed one is a `BootstrapError` naming the route. */
export function templateOf(path: string, owner: string, shown = path): PathTemplate {
  try {
    return parsePath(path);
  } catch (err) {
    if (err instanceof PathSyntaxError) throw new BootstrapError(`${owner}: malformed path "${shown}": ${err.message}`);
    throw err;
  }
}
