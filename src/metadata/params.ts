import 'reflect-metadata';
import { PARAMS } from './keys.js';
import type { BodyOptions, DependsOptions, FileOptions, ModelOptions, ParamOptions, ParamRecord, ParamSource, ProviderObject } from './records.js';

/** Appends a parameter record; the parameter decorators of every concern write through it. */
export function addParam(target: object, propertyKey: string | symbol | undefined, record: ParamRecord): void {
  const key = propertyKey ?? 'constructor';
  const params: ParamRecord[] = Reflect.getOwnMetadata(PARAMS, target, key) ?? [];
  Reflect.defineMetadata(PARAMS, [...params, record], target, key);
}

/** Named: `@Query('limit', opts?)`. Without a name (or with options only): a parameter model class. */
type NamedOrModel = {
  (name: string, options?: ParamOptions): ParameterDecorator;
  (options?: ModelOptions): ParameterDecorator;
};

function named(source: ParamSource, normalise: (name: string) => string = (name) => name): NamedOrModel {
  return ((nameOrOptions?: string | ModelOptions, options: ParamOptions = {}): ParameterDecorator =>
    (target, propertyKey, index) =>
      typeof nameOrOptions === 'string'
        ? addParam(target, propertyKey, { index, source, name: normalise(options.alias ?? nameOrOptions), options })
        : addParam(target, propertyKey, { index, source, options: nameOrOptions ?? {} })) as NamedOrModel;
}

/** A path parameter: `@Param('id') id: number` for `/items/:id`, or `@Param('path')` for `/files/*path`. */
export const Param = (name: string, options: ParamOptions = {}): ParameterDecorator =>
  (target, propertyKey, index) => addParam(target, propertyKey, { index, source: 'path', name: options.alias ?? name, options });
/**
 * A query parameter; required unless it has a default (`{ default }` or its own JavaScript
 * default) or `required: false`. `@Query()` alone takes a whole class of query fields.
 * @example @Query('limit', { ge: 1, le: 100 }) limit: number = 10
 */
export const Query = named('query');
/** A request header, by name (case-insensitive); `@Header()` alone takes a class of headers. */
export const Header = named('header', (name) => name.toLowerCase());
/** A cookie, by name; `@Cookie()` alone takes a class of cookies. */
export const Cookie = named('cookie');
/** A field of an urlencoded or multipart form; `@Form()` alone takes a class of fields. */
export const Form = named('form');

/**
 * The JSON body, validated with class-validator when the parameter's type is a DTO class;
 * `@Body('key')` takes one key of the body object.
 */
export function Body(nameOrOptions?: string | BodyOptions, options: BodyOptions = {}): ParameterDecorator {
  const opts = typeof nameOrOptions === 'object' ? nameOrOptions : options;
  const name = opts.alias ?? (typeof nameOrOptions === 'string' ? nameOrOptions : undefined);
  return (target, propertyKey, index) => addParam(target, propertyKey, { index, source: 'body', name, options: opts });
}

/** An uploaded file of a multipart form. */
export function File(name: string, options: FileOptions = {}): ParameterDecorator {
  return (target, propertyKey, index) => addParam(target, propertyKey, { index, source: 'file', name, options });
}

/**
 * A value computed by `provider` for this request; its own parameters are injected too. A
 * security scheme is a provider as well (its value is the checked credentials). Without a
 * provider, the parameter's class is the provider (FastAPI's `Depends()`).
 * @example @Depends(currentUser) user: User
 */
export function Depends(provider?: Function | ProviderObject, options: DependsOptions = {}): ParameterDecorator {
  return (target, propertyKey, index) =>
    addParam(target, propertyKey, { index, source: 'depends', provider, options });
}
