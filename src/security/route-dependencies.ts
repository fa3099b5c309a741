import type { RouteDefinition } from '../http/route.js';
import type { ParamSpec } from '../metadata/records.js';
import { dependencyRecords, securityEntryOf } from '../metadata/security.js';
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
  for (const entry of security ?? []) {
    if (!(entry instanceof SecurityScheme) && !(securityEntryOf(entry)?.provider instanceof SecurityScheme)) {
      throw new TypeError(`security lists ${describe(entry)}, which is not a security scheme (new HTTPBearer(), Security(oauth2, ['scope']), …)`);
    }
  }
  return dependencyRecords(security ?? [], definition.dependencies);
}

function describe(value: unknown): string {
  if (typeof value === 'function') return value.name ? `the function ${value.name}` : 'an anonymous function';
  return value === null || typeof value !== 'object' ? String(value) : `an object (${value.constructor?.name ?? 'Object'})`;
}
