import type { RouteDefinition } from '../http/route.js';
import type { ParamSpec } from '../metadata/records.js';
import { routeDependencies, type DependencyGraph } from './route-params.js';
import type { DocumentedScheme, SecuritySchemeObject } from './types.js';

/** A scheme a route runs and the scopes required where it runs, merged over every place. */
export interface SecurityUse {
  scheme: DocumentedScheme;
  scopes: string[];
}

/**
 * The security schemes a route runs, as `app/compile-params.ts` compiles them: its `security`
 * and `dependencies` first, then its parameters, through nested dependencies, with the scopes
 * added up along each chain.
 */
export function routeSecurity(route: RouteDefinition, graph: DependencyGraph): SecurityUse[] {
  const uses = new Map<DocumentedScheme, Set<string>>();
  const visited = new Set<string>();
  const ids = new Map<Function, number>();

  const visit = (specs: readonly ParamSpec[], scopes: readonly string[]): void => {
    for (const spec of specs) {
      if (spec.source === 'depends') {
        const required = [...scopes, ...(spec.options.scopes ?? [])];
        if (isScheme(spec.provider)) {
          let set = uses.get(spec.provider);
          if (!set) uses.set(spec.provider, (set = new Set()));
          for (const scope of required) set.add(scope);
        } else if (typeof spec.provider === 'function') expand(spec.provider, required);
      } else if (spec.source === 'type' && typeof spec.type === 'function' && graph.has(spec.type)) expand(spec.type, scopes);
    }
  };
  // A provider met again with the same scopes adds nothing; this also ends cycles.
  const expand = (provider: Function, scopes: readonly string[]): void => {
    if (!ids.has(provider)) ids.set(provider, ids.size);
    const key = `${ids.get(provider)} ${scopes.join(' ')}`;
    if (visited.has(key)) return;
    visited.add(key);
    visit(graph.get(provider) ?? [], scopes);
  };

  visit(routeDependencies(route), []);
  visit(route.params, []);
  return [...uses].map(([scheme, scopes]) => ({ scheme, scopes: [...scopes] }));
}

function isScheme(provider: unknown): provider is DocumentedScheme {
  return typeof provider === 'object' && provider !== null && typeof (provider as DocumentedScheme).openapi === 'function';
}

/** Names schemes for `components.securitySchemes`: by `schemeName`, a suffix when two different schemes share one. */
export function createSecurityRegistry() {
  const names = new Map<DocumentedScheme, string>();
  const components: Record<string, SecuritySchemeObject> = {};
  const shapes = new Map<string, string>();

  function nameOf(scheme: DocumentedScheme): string {
    const known = names.get(scheme);
    if (known !== undefined) return known;
    const model = scheme.openapi();
    const shape = JSON.stringify(model);
    let name = scheme.schemeName;
    // Two instances configured alike (`new HTTPBearer()` twice) are one scheme to the documents.
    for (let n = 2; shapes.has(name) && shapes.get(name) !== shape; n++) name = `${scheme.schemeName}${n}`;
    shapes.set(name, shape);
    components[name] = model;
    names.set(scheme, name);
    return name;
  }

  /** The operation's `security`: one requirement naming every scheme (all must pass), or also `{}` when every scheme is optional. */
  function requirements(uses: SecurityUse[]): Record<string, string[]>[] | undefined {
    if (uses.length === 0) return undefined;
    const requirement: Record<string, string[]> = {};
    for (const use of uses) {
      const name = nameOf(use.scheme);
      requirement[name] = [...new Set([...(requirement[name] ?? []), ...use.scopes])];
    }
    return uses.every((use) => !use.scheme.autoError) ? [requirement, {}] : [requirement];
  }

  return { requirements, components: () => components };
}

export type SecurityRegistry = ReturnType<typeof createSecurityRegistry>;
