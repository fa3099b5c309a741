import 'reflect-metadata';
import { DEPENDENCY_TYPES } from './dependency.js';
import { sourceDefaults } from './source-defaults.js';
import { LIFESPAN_HOOKS, type LifespanHooks } from './lifespan.js';
import { CONTROLLER, INJECTABLE, INJECT_TOKENS, MODULE, PARAMS, ROUTES } from './keys.js';
import type {
  ControllerRecord,
  InjectableOptions,
  ModuleOptions,
  ParamRecord,
  ParamSpec,
  ProviderToken,
  RouteRecord,
} from './records.js';

// The only reader of decorator metadata; called from app/ and di/ at bootstrap (and when a
// dependency override is set), never per request.

export const readController = (target: Function): ControllerRecord | undefined =>
  Reflect.getOwnMetadata(CONTROLLER, target);

export function readRoutes(target: Function): RouteRecord[] {
  const own: RouteRecord[] = Reflect.getOwnMetadata(ROUTES, target) ?? [];
  const parent = Object.getPrototypeOf(target);
  return parent && parent !== Function.prototype ? [...readRoutes(parent), ...own] : own;
}

export const readParams = (target: object, propertyKey: string): ParamRecord[] =>
  Reflect.getMetadata(PARAMS, target, propertyKey) ?? [];

export const readParamTypes = (target: object, propertyKey?: string): unknown[] =>
  (propertyKey === undefined
    ? Reflect.getMetadata('design:paramtypes', target)
    : Reflect.getMetadata('design:paramtypes', target, propertyKey)) ?? [];

export const readModule = (target: Function): ModuleOptions | undefined => Reflect.getOwnMetadata(MODULE, target);

export const readInjectable = (target: Function): InjectableOptions | undefined =>
  Reflect.getOwnMetadata(INJECTABLE, target);

/** `@Inject(token)` parameters of a constructor, or of a method when `propertyKey` is given. */
export const readInjectTokens = (target: object, propertyKey?: string): Record<number, ProviderToken> =>
  (propertyKey === undefined ? Reflect.getOwnMetadata(INJECT_TOKENS, target) : Reflect.getMetadata(INJECT_TOKENS, target, propertyKey)) ?? {};

export const readConstructorParams = (target: Function): ParamRecord[] =>
  Reflect.getOwnMetadata(PARAMS, target, 'constructor') ?? [];

/** The parameter types declared with `dependency(params, fn)`, if any. */
export const readDependencyTypes = (fn: Function): unknown[] | undefined => Reflect.getOwnMetadata(DEPENDENCY_TYPES, fn);

/** The `@OnStartup()` and `@OnShutdown()` methods of a class, its parents' first. */
export function readLifespanHooks(target: Function): LifespanHooks {
  const parent = Object.getPrototypeOf(target);
  const inherited: LifespanHooks = parent && parent !== Function.prototype ? readLifespanHooks(parent) : { startup: [], shutdown: [] };
  const own: LifespanHooks | undefined = Reflect.getOwnMetadata(LIFESPAN_HOOKS, target);
  if (!own) return inherited;
  return { startup: [...inherited.startup, ...own.startup], shutdown: [...inherited.shutdown, ...own.shutdown] };
}

/**
 * Every parameter of a handler method (`propertyKey` given) or of a provider's constructor or
 * `dependency(...)` function: its decorator record, else its type (an `@Inject` token first).
 */
export function readParamSpecs(target: object, propertyKey?: string): ParamSpec[] {
  const records = propertyKey === undefined ? readConstructorParams(target as Function) : readParams(target, propertyKey);
  const types = propertyKey === undefined ? (readDependencyTypes(target as Function) ?? readParamTypes(target)) : readParamTypes(target, propertyKey);
  const tokens = readInjectTokens(target, propertyKey);
  const count = Math.max(types.length, ...records.map((r) => r.index + 1), ...Object.keys(tokens).map((i) => Number(i) + 1), 0);
  const fn = propertyKey === undefined ? (target as Function) : (target as Record<string, unknown>)[propertyKey];
  const defaults = records.length > 0 && typeof fn === 'function' ? sourceDefaults(fn) : [];
  const specs: ParamSpec[] = [];
  for (let index = 0; index < count; index++) {
    const record = records.find((r) => r.index === index);
    const type = tokens[index] ?? types[index];
    const sourceDefault = defaults[index];
    // `@Depends()` without a provider depends on the parameter's own class (FastAPI's `Depends()`).
    const provider = record?.source === 'depends' && record.provider === undefined && typeof type === 'function' && type !== Object ? { provider: type } : {};
    specs.push(record ? { ...record, ...provider, type, ...(sourceDefault && { sourceDefault }) } : { index, source: 'type', type });
  }
  return specs;
}

/** The type TypeScript emitted for a decorated property of a class (`design:type`). */
export const readPropertyType = (cls: Function, property: string): unknown => Reflect.getMetadata('design:type', cls.prototype, property);
