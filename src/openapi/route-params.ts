import type { RouteDefinition } from '../http/route.js';
import type { ParamRecord, ParamSpec } from '../metadata/records.js';
import { dependencyRecords } from '../metadata/security.js';

/**
 * The parameters of every per-request dependency, as bootstrap compiled them (the container's
 * `dependencyParams`): a class injected by type is in it when it reads the request — a
 * request-scoped `@Injectable()`, or a class whose constructor parameters are decorated.
 */
export type DependencyGraph = ReadonlyMap<Function, readonly ParamSpec[]>;

/** A decorated parameter that reads the request. */
export type RequestParam = ParamRecord & { type: unknown; source: Exclude<ParamRecord['source'], 'depends'> };

/**
 * Every parameter a route reads from the request: its handler's, then those of its
 * `@Depends` providers, request-scoped `@Injectable()` classes and route `dependencies`,
 * nested, as `app/compile-params.ts` compiles them. A name read twice from the same place
 * is listed once, as first declared.
 */
export function requestParams(route: RouteDefinition, graph: DependencyGraph): RequestParam[] {
  const out: RequestParam[] = [];
  const listed = new Set<string>();
  const expanded = new Set<Function>();

  const visit = (specs: readonly ParamSpec[]): void => {
    for (const spec of specs) {
      if (spec.source === 'depends') {
        if (typeof spec.provider === 'function') expand(spec.provider);
      } else if (spec.source === 'type') {
        if (typeof spec.type === 'function') expand(spec.type);
      } else {
        const key = `${spec.source} ${spec.name ?? ''}`;
        if (listed.has(key)) continue;
        listed.add(key);
        out.push(spec as RequestParam);
      }
    }
  };
  const expand = (provider: Function): void => {
    if (expanded.has(provider)) return;
    expanded.add(provider);
    visit(graph.get(provider) ?? []);
  };

  visit(route.params);
  visit(routeDependencies(route));
  return out;
}

/** A route's `security` entries, then its `dependencies`, as `@Depends` specs. */
export function routeDependencies(route: RouteDefinition): ParamSpec[] {
  return dependencyRecords((route.options as { security?: unknown[] }).security ?? [], route.dependencies);
}
