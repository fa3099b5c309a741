import type { ParamSpec, RouteDefinition } from '../http/route.js';
import type { ParamRecord } from '../metadata/records.js';
import { readInjectable, readParamSpecs } from '../metadata/read.js';
import { OAuth2PasswordRequestForm } from '../security/oauth2.js';
import { routeDependencySpecs } from '../security/route-dependencies.js';

/** A decorated parameter that reads the request. */
export type RequestParam = ParamRecord & { type: unknown; source: Exclude<ParamRecord['source'], 'depends'> };

/**
 * Every parameter a route reads from the request: its handler's, then those of its
 * `@Depends` providers, request-scoped `@Injectable()` classes and route `dependencies`,
 * nested, as `app/compile-params.ts` compiles them. A name read twice from the same place
 * is listed once, as first declared.
 */
export function requestParams(route: RouteDefinition): RequestParam[] {
  const out: RequestParam[] = [];
  const listed = new Set<string>();
  const expanded = new Set<Function>();

  const visit = (specs: ParamSpec[]): void => {
    for (const spec of specs) {
      if (spec.source === 'depends') {
        if (typeof spec.provider === 'function') expand(spec.provider);
      } else if (spec.source === 'type') {
        const type = spec.type;
        if (typeof type === 'function' && (type === OAuth2PasswordRequestForm || readInjectable(type)?.scope === 'request')) expand(type);
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
    visit(readParamSpecs(provider));
  };

  visit(route.params);
  visit(routeDependencySpecs(route));
  return out;
}

