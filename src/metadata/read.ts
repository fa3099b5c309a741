import 'reflect-metadata';
import { DEPENDENCY_TYPES } from './dependency.js';
import { CONTROLLER, INJECTABLE, INJECT_TOKENS, MODULE, PARAMS, ROUTES } from './keys.js';
import type {
  ControllerRecord,
  InjectableOptions,
  ModuleOptions,
  ParamRecord,
  ProviderToken,
  RouteRecord,
} from './records.js';

// The only reader of decorator metadata; called from app/ at bootstrap, never per request.

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

export const readInjectTokens = (target: Function): Record<number, ProviderToken> =>
  Reflect.getOwnMetadata(INJECT_TOKENS, target) ?? {};

export const readConstructorParams = (target: Function): ParamRecord[] =>
  Reflect.getOwnMetadata(PARAMS, target, 'constructor') ?? [];

/** The parameter types declared with `dependency(params, fn)`, if any. */
export const readDependencyTypes = (fn: Function): unknown[] | undefined => Reflect.getOwnMetadata(DEPENDENCY_TYPES, fn);
