import { BootstrapError } from './errors.js';

/**
 * Joins a controller prefix and a route path literally, as FastAPI's router prefixes: an empty
 * path is the prefix itself, and a trailing slash is kept (`/items` + `/` is `/items/`).
 * FastAPI's `{id}` spelling is accepted as `:id`.
 */
export function joinPath(prefix: string, path: string, owner: string): string {
  const joined = path === '' ? `/${prefix}` : `/${prefix}/${path}`;
  const normalised = joined.replace(/\{([^}/]*)\}/g, ':$1').replace(/\/{2,}/g, '/');
  const badParam = /:(?![A-Za-z_][A-Za-z0-9_]*(\/|$|\())/.exec(normalised);
  if (badParam) throw new BootstrapError(`${owner}: malformed path "${prefix}${path}": a ':' must start a parameter name`);
  if (/[\s?#]/.test(normalised)) throw new BootstrapError(`${owner}: malformed path "${prefix}${path}": no spaces, '?' or '#' allowed`);
  const names = [...normalised.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]);
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated) throw new BootstrapError(`${owner}: malformed path "${prefix}${path}": parameter "${repeated}" appears twice`);
  return normalised;
}
