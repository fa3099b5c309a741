import type { ParamSpec, ProviderToken } from '../metadata/records.js';
import { DependencyOverrides } from './overrides.js';
import { PendingWork } from './pending-work.js';

/** How the injector builds one provider. */
export type ProviderRecipe =
  | { kind: 'value'; value: unknown }
  | { kind: 'class'; useClass: Function; scope: 'singleton' | 'request' }
  | { kind: 'factory'; factory: (...args: unknown[]) => unknown; inject: ProviderToken[] };

export interface ProviderEntry {
  token: ProviderToken;
  recipe: ProviderRecipe;
  /** The module that declares it: its dependencies are resolved there, and errors name it. */
  module: string;
  scope?: ModuleScope;
  /** The singleton, once built. */
  value?: unknown;
  built?: boolean;
}

/**
 * One `@Module()`: what it declares, what it imports, and what it exports. A module sees its
 * own providers, the exports of the modules it imports, and the exports of global modules.
 */
export class ModuleScope {
  readonly providers = new Map<ProviderToken, ProviderEntry>();
  readonly imports: ModuleScope[] = [];
  /** Filled once every module is known: own exported providers and re-exported modules' exports. */
  readonly exported = new Map<ProviderToken, ProviderEntry>();

  constructor(
    readonly name: string,
    readonly moduleClass: Function,
    readonly global: boolean,
  ) {}
}

/** A lifespan hook found on a singleton or controller. */
export interface Hook {
  name: string;
  run: () => unknown;
}

/** The app's providers: modules, what is registered, singletons built at bootstrap, overrides and hooks. */
export class Container {
  /** Every provider by token; the first registration when several modules declare the same token. */
  readonly entries = new Map<ProviderToken, ProviderEntry>();
  readonly modules: ModuleScope[] = [];
  readonly globals: ModuleScope[] = [];
  /** The module each scanned route belongs to, for encapsulation. */
  readonly routeScopes = new WeakMap<object, ModuleScope>();
  /** Replacements for providers and dependencies, compiled where they are injected when set (tests). */
  readonly overrides = new DependencyOverrides();
  /**
   * The parameters of every per-request dependency, as compiled at bootstrap: the documents
   * describe what a route reads from these rather than reading decorators again.
   */
  readonly dependencyParams = new Map<Function, readonly ParamSpec[]>();
  /** Teardowns and background tasks still running after their answers. */
  readonly work = new PendingWork();
  /** `@OnStartup()` hooks in build order: a provider starts after what it depends on. */
  readonly startupHooks: Hook[] = [];
  /** `@OnShutdown()` hooks in build order; they run in reverse. */
  readonly shutdownHooks: Hook[] = [];
  /** Singletons the container made that have `Symbol.asyncDispose`/`Symbol.dispose`, in build order. */
  readonly disposables: { name: string; dispose: () => unknown }[] = [];

  /** The scope a scanned route was declared in (`undefined` for `createApp()` routes). */
  scopeOf(route: object): ModuleScope | undefined {
    return this.routeScopes.get(route);
  }

  /**
   * The provider `token` names as seen from `scope`: its own, an import's export, a global
   * module's export. Without a scope (function routes) every registered provider is visible.
   */
  find(token: ProviderToken, scope: ModuleScope | undefined): ProviderEntry | undefined {
    if (scope === undefined) return this.entries.get(token);
    const own = scope.providers.get(token);
    if (own) return own;
    for (const imported of scope.imports) {
      const entry = imported.exported.get(token);
      if (entry) return entry;
    }
    for (const global of this.globals) {
      const entry = global.exported.get(token);
      if (entry) return entry;
    }
    return undefined;
  }

  /**
   * The singleton registered under `token` (the first module's, if several declare it), for
   * scripts and tests: `app.container.get(Database)`.
   */
  get<T = unknown>(token: ProviderToken | (abstract new (...args: never[]) => T)): T {
    const entry = this.entries.get(token as ProviderToken);
    if (!entry?.built) throw new Error(`zigmund: no singleton ${tokenName(token as ProviderToken)} (unknown, request-scoped, or not built yet)`);
    return entry.value as T;
  }

  /** Whether any module registers `token`. */
  has(token: unknown): boolean {
    return this.entries.has(token as ProviderToken);
  }

  /** Why `token` is not visible from `scope`, naming the modules involved. */
  explainMissing(token: ProviderToken, scope: ModuleScope | undefined): string {
    const name = tokenName(token);
    const declaring = this.modules.filter((m) => m.providers.has(token));
    if (declaring.length === 0 || scope === undefined) return `no provider for ${name}; add it to a module's providers`;
    const owner = declaring[0];
    if (!owner.exported.has(token)) {
      return `${name} is provided by ${owner.name} but not exported from it; add it to ${owner.name}'s exports to use it in ${scope.name}`;
    }
    return `${name} is exported by ${owner.name}, which ${scope.name} does not import; add ${owner.name} to ${scope.name}'s imports`;
  }
}

export function tokenName(token: ProviderToken): string {
  return typeof token === 'function' ? token.name || 'anonymous' : String(token);
}
