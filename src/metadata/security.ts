import type { ParamRecord, ProviderObject } from './records.js';
import { addParam } from './params.js';

const SECURITY_ENTRY = Symbol('zigmund:security-entry');

/** What `Security(provider, scopes)` stands for in a route's `security` or `dependencies` list. */
export interface SecurityEntry {
  provider: Function | ProviderObject;
  scopes: readonly string[];
}

/** The decorator `Security()` returns, also usable as an entry of `security: [...]` and `dependencies: [...]`. */
export type SecurityDecorator = ParameterDecorator & { readonly [SECURITY_ENTRY]: SecurityEntry };

/**
 * A security scheme (or any dependency) that requires `scopes`: as a parameter decorator
 * (`@Security(oauth2, ['items']) token: string`), inside `dependency([...], fn)` chains, or in
 * a route's `security` / `dependencies` list. The scopes add up along the chain and are what
 * `SecurityScopes` lists and the OpenAPI operation's `security` names.
 * @example @Get('/users/me') me(@Security(jwt, ['me']) claims: JWTPayload) { return claims.sub; }
 */
export function Security(provider: Function | ProviderObject, scopes: readonly string[] = []): SecurityDecorator {
  const entry: SecurityEntry = { provider, scopes: Object.freeze([...scopes]) };
  const decorator: ParameterDecorator = (target, propertyKey, index) =>
    addParam(target, propertyKey, { index, source: 'depends', provider, options: { scopes: entry.scopes } });
  return Object.assign(decorator, { [SECURITY_ENTRY]: entry });
}

/** The provider and scopes of a `Security(...)` entry; `undefined` for anything else. */
export function securityEntryOf(value: unknown): SecurityEntry | undefined {
  return typeof value === 'function' ? (value as Partial<SecurityDecorator>)[SECURITY_ENTRY] : undefined;
}

/**
 * What a route runs before its handler, as `@Depends` records: its `security` entries first,
 * then its `dependencies`; `Security(provider, scopes)` entries unpacked. Unchecked: the
 * compiler refuses a `security` entry that is not a scheme.
 */
export function dependencyRecords(security: readonly unknown[], dependencies: readonly unknown[]): (ParamRecord & { type: undefined })[] {
  return [...security, ...dependencies].map((entry, index) => {
    const secured = securityEntryOf(entry);
    const provider = (secured?.provider ?? entry) as Function | ProviderObject;
    return { index, source: 'depends', provider, options: secured ? { scopes: secured.scopes } : {}, type: undefined };
  });
}
