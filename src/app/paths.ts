import { BootstrapError } from './errors.js';

/**
 * Joins a controller prefix and a route path into one normalised route path. FastAPI's
 * `{id}` spelling is accepted as `:id`.
 */
export function joinPath(prefix: string, path: string, owner: string): string {
  const joined = `/${prefix}/${path}`.replace(/\{([^}/]*)\}/g, ':$1').replace(/\/{2,}/g, '/');
  const normalised = joined.length > 1 && joined.endsWith('/') ? joined.slice(0, -1) : joined;
  const badParam = /:(?![A-Za-z_][A-Za-z0-9_]*(\/|$|\())/.exec(normalised);
  if (badParam) throw new BootstrapError(`${owner}: malformed path "${prefix}${path}": a ':' must start a parameter name`);
  if (/[\s?#]/.test(normalised)) throw new BootstrapError(`${owner}: malformed path "${prefix}${path}": no spaces, '?' or '#' allowed`);
  const names = [...normalised.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]);
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated) throw new BootstrapError(`${owner}: malformed path "${prefix}${path}": parameter "${repeated}" appears twice`);
  return normalised;
}
