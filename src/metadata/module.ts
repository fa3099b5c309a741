import 'reflect-metadata';
import { INJECTABLE, INJECT_TOKENS, MODULE } from './keys.js';
import type { InjectableOptions, ModuleOptions, ProviderToken } from './records.js';

/**
 * Groups controllers and providers; `bootstrap(AppModule)` walks `imports` from here.
 * @example @Module({ imports: [DbModule], controllers: [ItemsController] }) class AppModule {}
 */
export function Module(options: ModuleOptions): ClassDecorator {
  return (target) => {
    Reflect.defineMetadata(MODULE, options, target);
  };
}

/** A class the injector can build, by constructor types; a singleton unless `scope: 'request'`. */
export function Injectable(options: InjectableOptions = {}): ClassDecorator {
  return (target) => {
    Reflect.defineMetadata(INJECTABLE, options, target);
  };
}

/**
 * Injects the provider registered under `token` instead of the parameter's type, in a
 * constructor or a route handler.
 * @example constructor(@Inject('CONFIG') private readonly config: Config) {}
 */
export function Inject(token: ProviderToken): ParameterDecorator {
  return (target, propertyKey, index) => {
    // Constructor parameters are recorded on the class, handler parameters per method.
    const tokens: Record<number, ProviderToken> =
      (propertyKey === undefined ? Reflect.getOwnMetadata(INJECT_TOKENS, target) : Reflect.getOwnMetadata(INJECT_TOKENS, target, propertyKey)) ?? {};
    if (propertyKey === undefined) Reflect.defineMetadata(INJECT_TOKENS, { ...tokens, [index]: token }, target);
    else Reflect.defineMetadata(INJECT_TOKENS, { ...tokens, [index]: token }, target, propertyKey);
  };
}
