/**
 * One place where an overridable key is injected, with the compiled replacement while one is
 * set; `compile` builds it for that place (its route, module and parameters) or throws.
 */
export interface OverrideSite<C> {
  current: ((ctx: C) => unknown) | undefined;
  readonly compile: (replacement: unknown) => (ctx: C) => unknown;
}

/**
 * `app.dependencyOverrides`: a `Map` from what is replaced to its replacement that compiles a
 * replacement for every place its key is injected when it is set, so a request only reads a
 * slot and a replacement that cannot be injected is refused by `set()`, leaving the map as it was.
 */
export class DependencyOverrides<C = unknown> extends Map<unknown, unknown> {
  readonly #sites = new Map<unknown, OverrideSite<C>[]>();

  override set(key: unknown, replacement: unknown): this {
    const sites = this.#sites.get(key) ?? [];
    const compiled = sites.map((site) => site.compile(replacement));
    sites.forEach((site, i) => (site.current = compiled[i]));
    return super.set(key, replacement);
  }

  override delete(key: unknown): boolean {
    for (const site of this.#sites.get(key) ?? []) site.current = undefined;
    return super.delete(key);
  }

  override clear(): void {
    for (const sites of this.#sites.values()) for (const site of sites) site.current = undefined;
    super.clear();
  }

  /** Registers a place where `key` is injected; a replacement already set is compiled for it now. */
  site(key: unknown, compile: OverrideSite<C>['compile']): OverrideSite<C> {
    const site: OverrideSite<C> = { current: undefined, compile };
    if (super.has(key)) site.current = compile(super.get(key));
    let sites = this.#sites.get(key);
    if (!sites) this.#sites.set(key, (sites = []));
    sites.push(site);
    return site;
  }
}
