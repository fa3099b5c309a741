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

/** Injects the provider registered under `token` instead of the parameter's type. */
export function Inject(token: ProviderToken): ParameterDecorator {
  return (target, _propertyKey, index) => {
    const tokens: Record<number, ProviderToken> = Reflect.getOwnMetadata(INJECT_TOKENS, target) ?? {};
    Reflect.defineMetadata(INJECT_TOKENS, { ...tokens, [index]: token }, target);
  };
}
