import 'reflect-metadata';
import { PARAMS } from './keys.js';

const DEPENDENCY_TYPES = Symbol('zigmund:dependency-types');

/**
 * Declares what a function dependency receives, since plain functions cannot carry parameter
 * decorators: each entry is a parameter decorator (`Query('q')`, `Depends(getDb)`, …) or a
 * type injected as such (`Request`, `Arena`, a provider class).
 * @example const pagination = dependency([Query('limit', { default: 10 })], (limit: number) => ({ limit }));
 */
export function dependency<F extends Function>(params: (ParameterDecorator | Function)[], fn: F): F {
  const types: unknown[] = [];
  params.forEach((param, index) => {
    // Parameter decorators are arrow functions, which have no prototype; types are classes.
    if (param.prototype === undefined) (param as ParameterDecorator)(fn, undefined, index);
    else types[index] = param;
  });
  Reflect.defineMetadata(DEPENDENCY_TYPES, types, fn);
  if (!Reflect.hasOwnMetadata(PARAMS, fn, 'constructor')) Reflect.defineMetadata(PARAMS, [], fn, 'constructor');
  return fn;
}

export { DEPENDENCY_TYPES };
