import 'reflect-metadata';
import { PARAMS } from './keys.js';
import type { BodyOptions, DependsOptions, FileOptions, ParamOptions, ParamRecord, ParamSource } from './records.js';

function addParam(target: object, propertyKey: string | symbol | undefined, record: ParamRecord): void {
  const key = propertyKey ?? 'constructor';
  const params: ParamRecord[] = Reflect.getOwnMetadata(PARAMS, target, key) ?? [];
  Reflect.defineMetadata(PARAMS, [...params, record], target, key);
}

function named(source: ParamSource) {
  return (name: string, options: ParamOptions = {}): ParameterDecorator =>
    (target, propertyKey, index) => addParam(target, propertyKey, { index, source, name, options });
}

/** A path parameter: `@Param('id') id: number` for `/items/:id`. */
export const Param = named('path');
/** A query parameter; required unless it has a `default` or `required: false`. */
export const Query = named('query');
/** A request header, by name (case-insensitive). */
export const Header = (name: string, options: ParamOptions = {}) => named('header')(name.toLowerCase(), options);
/** A cookie, by name. */
export const Cookie = named('cookie');
/** A field of an urlencoded or multipart form. */
export const Form = named('form');

/**
 * The JSON body, validated with class-validator when the parameter's type is a DTO class;
 * `@Body('key')` takes one key of the body object.
 */
export function Body(nameOrOptions?: string | BodyOptions, options: BodyOptions = {}): ParameterDecorator {
  const name = typeof nameOrOptions === 'string' ? nameOrOptions : undefined;
  const opts = typeof nameOrOptions === 'object' ? nameOrOptions : options;
  return (target, propertyKey, index) => addParam(target, propertyKey, { index, source: 'body', name, options: opts });
}

/** An uploaded file of a multipart form. */
export function File(name: string, options: FileOptions = {}): ParameterDecorator {
  return (target, propertyKey, index) => addParam(target, propertyKey, { index, source: 'file', name, options });
}

/**
 * A value computed by `provider` for this request; its own parameters are injected too.
 * @example @Depends(currentUser) user: User
 */
export function Depends(provider: Function, options: DependsOptions = {}): ParameterDecorator {
  return (target, propertyKey, index) =>
    addParam(target, propertyKey, { index, source: 'depends', provider, options });
}
