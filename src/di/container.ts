import type { ProviderToken } from '../metadata/records.js';

/** How the injector builds one provider. */
export type ProviderRecipe =
  | { kind: 'value'; value: unknown }
  | { kind: 'class'; useClass: Function; scope: 'singleton' | 'request' }
  | { kind: 'factory'; factory: (...args: unknown[]) => unknown; inject: ProviderToken[] };

export interface ProviderEntry {
  token: ProviderToken;
  recipe: ProviderRecipe;
  /** The module that declares it, for encapsulation errors. */
  module: string;
}

/** The app's providers: what is registered, and the singletons built at bootstrap. */
export class Container {
  readonly entries = new Map<ProviderToken, ProviderEntry>();
  readonly singletons = new Map<ProviderToken, unknown>();
  /** Replacements for providers and dependencies, looked up before the real ones (tests). */
  readonly overrides = new Map<unknown, unknown>();
}

export function tokenName(token: ProviderToken): string {
  return typeof token === 'function' ? token.name || 'anonymous' : String(token);
}
