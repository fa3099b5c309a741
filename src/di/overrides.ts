/**
 * One place where an overridable key is injected, with the compiled replacement while one is
 * set; `compile` builds it for that place (its route, module and parameters) or throws.
 */
export interface OverrideSite<C> {
  current: ((ctx: C) => unknown) | undefined;
  readonly compile: (replacement: unknown) => (ctx: C) => unknown;
}

interface Site<C> extends OverrideSite<C> {
  readonly key: unknown;
  /** The places that compiling `current` registered (the replacement's own dependencies). */
  children: Site<C>[];
}

/**
 * `app.dependencyOverrides`: a `Map` from what is replaced to its replacement that compiles a
 * replacement for every place its key is injected when it is set, so a request only reads a
 * slot and a replacement that cannot be injected is refused by `set()`, leaving the map as it was.
 * A replacement's own places go when it is replaced or removed, so setting and clearing
 * overrides test after test does not pile them up.
 */
export class DependencyOverrides<C = unknown> extends Map<unknown, unknown> {
  readonly #sites = new Map<unknown, Site<C>[]>();
  /** Where the places registered while a replacement compiles are collected. */
  #collecting: Site<C>[] | undefined;

  override set(key: unknown, replacement: unknown): this {
    const sites = this.#sites.get(key) ?? [];
    const made: Site<C>[][] = [];
    let compiled: ((ctx: C) => unknown)[];
    try {
      compiled = sites.map((site) => this.#compile(site, replacement, made));
    } catch (err) {
      for (const child of made.flat()) this.#retire(child);
      throw err;
    }
    sites.forEach((site, i) => this.#install(site, compiled[i], made[i]));
    return super.set(key, replacement);
  }

  override delete(key: unknown): boolean {
    for (const site of this.#sites.get(key) ?? []) this.#install(site, undefined, []);
    return super.delete(key);
  }

  override clear(): void {
    for (const sites of [...this.#sites.values()]) for (const site of [...sites]) this.#install(site, undefined, []);
    super.clear();
  }

  /** Registers a place where `key` is injected; a replacement already set is compiled for it now. */
  site(key: unknown, compile: OverrideSite<C>['compile']): OverrideSite<C> {
    const site: Site<C> = { key, current: undefined, compile, children: [] };
    if (super.has(key)) {
      const made: Site<C>[][] = [];
      this.#install(site, this.#compile(site, super.get(key), made), made[0]);
    }
    this.#collecting?.push(site);
    let sites = this.#sites.get(key);
    if (!sites) this.#sites.set(key, (sites = []));
    sites.push(site);
    return site;
  }

  // Compiles `replacement` for `site`, adding to `made` the places the compiling registers.
  #compile(site: Site<C>, replacement: unknown, made: Site<C>[][]): (ctx: C) => unknown {
    const outer = this.#collecting;
    const children: Site<C>[] = [];
    made.push(children);
    this.#collecting = children;
    try {
      return site.compile(replacement);
    } finally {
      this.#collecting = outer;
    }
  }

  #install(site: Site<C>, current: ((ctx: C) => unknown) | undefined, children: Site<C>[]): void {
    for (const child of site.children) this.#retire(child);
    site.current = current;
    site.children = children;
  }

  // A place only an old replacement had: it and the places under it are forgotten.
  #retire(site: Site<C>): void {
    const sites = this.#sites.get(site.key);
    const at = sites?.indexOf(site) ?? -1;
    if (at !== -1) sites!.splice(at, 1);
    if (sites?.length === 0) this.#sites.delete(site.key);
    for (const child of site.children) this.#retire(child);
    site.children = [];
  }
}
