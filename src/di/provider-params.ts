import { BootstrapError } from '../metadata/bootstrap-error.js';
import type { ParamSpec } from '../metadata/records.js';
import { readParamSpecs } from '../metadata/read.js';

/**
 * The parameters of a provider class's constructor or of a `dependency(...)` function, read
 * once at bootstrap: each one's decorator record, else its `@Inject` token or emitted type.
 * Singletons and per-request dependencies are both built from these.
 */
export function providerParams(provider: Function, where: string): ParamSpec[] {
  const specs = readParamSpecs(provider);
  if (specs.length < provider.length) {
    const how = isClass(provider)
      ? 'decorate the class with @Injectable() so TypeScript emits its constructor types'
      : 'declare them with dependency([...], fn)';
    throw new BootstrapError(`${where}: ${provider.name || 'anonymous'} takes ${provider.length} parameter(s) the injector cannot see; ${how}`);
  }
  return specs;
}

export function isClass(fn: Function): boolean {
  return /^class[\s{]/.test(Function.prototype.toString.call(fn));
}
