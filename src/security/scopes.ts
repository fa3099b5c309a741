import { HttpException } from '../http/exceptions.js';

/**
 * The scopes required along the dependency chain down to where it is injected (FastAPI's
 * `SecurityScopes`): the route's `Security(…, scopes)` first, then each dependency's own.
 * Injected by declaring a parameter of this type.
 */
export class SecurityScopes {
  readonly scopes: readonly string[];
  /** The scopes joined by spaces, as in a `WWW-Authenticate` challenge or an OAuth2 `scope`. */
  readonly scopeStr: string;

  constructor(scopes: readonly string[] = []) {
    this.scopes = Object.freeze([...scopes]);
    this.scopeStr = this.scopes.join(' ');
  }

  /**
   * Refuses with 403 `insufficient_scope` unless every required scope was granted;
   * `granted` is a list or an OAuth2 space-separated `scope` string.
   */
  require(granted: Iterable<string> | string | undefined): void {
    const missing = missingScopes(this.scopes, granted);
    if (missing.length > 0) throw insufficientScope(this.scopes, missing);
  }
}

/** The required scopes not among the granted ones. */
export function missingScopes(required: readonly string[], granted: Iterable<string> | string | undefined): string[] {
  if (required.length === 0) return [];
  const have = new Set(typeof granted === 'string' ? granted.split(' ') : granted ?? []);
  return required.filter((scope) => !have.has(scope));
}

/** 403 with RFC 6750's `insufficient_scope` challenge naming the scopes the resource needs. */
export function insufficientScope(required: readonly string[], missing: readonly string[]): HttpException {
  const challenge = `Bearer error="insufficient_scope", error_description="The token lacks a required scope", scope="${quoted(required.join(' '))}"`;
  return new HttpException(403, `Not enough permissions: missing scope ${missing.join(', ')}`, { 'www-authenticate': challenge });
}

function quoted(text: string): string {
  return text.replace(/["\\]/g, '\\$&');
}
