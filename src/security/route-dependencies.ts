import type { ParamSpec, RouteDefinition } from '../http/route.js';
import { securityEntryOf } from '../metadata/security.js';
import { SecurityScheme } from './scheme.js';

/**
 * What a route runs before its handler, as `@Depends` parameter specs: its `security` entries
 * (schemes, or `Security(scheme | dep, scopes)`) first, then its controller's and its own
 * `dependencies`. A `security` entry that is neither throws a `TypeError`, so a route meant to be
 * protected is never served open.
 */
export function routeDependencySpecs(definition: RouteDefinition): ParamSpec[] {
  const security = (definition.options as { security?: unknown }).security;
  if (security !== undefined && !Array.isArray(security)) throw new TypeError('the security option must be a list of security schemes');
  const specs: ParamSpec[] = [];
  for (const entry of security ?? []) {
    if (!(entry instanceof SecurityScheme) && !(securityEntryOf(entry)?.provider instanceof SecurityScheme)) {
      throw new TypeError(`security lists ${describe(entry)}, which is not a security scheme (new HTTPBearer(), Security(oauth2, ['scope']), …)`);
    }
    specs.push(specOf(entry, specs.length));
  }
  for (const entry of definition.dependencies) specs.push(specOf(entry, specs.length));
  return specs;
}

function specOf(entry: unknown, index: number): ParamSpec {
  const secured = securityEntryOf(entry);
  if (secured) return { index, source: 'depends', provider: secured.provider, options: { scopes: secured.scopes }, type: undefined };
  return { index, source: 'depends', provider: entry as Function | SecurityScheme, options: {}, type: undefined };
}

function describe(value: unknown): string {
  if (typeof value === 'function') return value.name ? `the function ${value.name}` : 'an anonymous function';
  return value === null || typeof value !== 'object' ? String(value) : `an object (${value.constructor?.name ?? 'Object'})`;
}
