import type { JWTPayload } from 'jose';

/**
 * Claims of tokens already verified, so a client sending the same token again is not verified
 * again (fast-jwt's `cache`). Bounded in count (the oldest entry goes first) and in time: an
 * entry lives `ttlMs` at most, never past its token's `exp` (checked with the clock tolerance
 * on every hit). What a signature check decides (key, `iss`, `aud`) cannot change for a given
 * token; the TTL bounds how long a key removed from a JWKS keeps its tokens accepted.
 */
export class VerifiedCache {
  private readonly entries = new Map<string, { claims: JWTPayload; until: number }>();

  constructor(
    private readonly size: number,
    private readonly ttlMs: number,
    private readonly toleranceSec: number,
  ) {}

  /** The cached claims, `'expired'` for a token whose `exp` passed since, or `undefined`. */
  get(token: string): JWTPayload | 'expired' | undefined {
    const entry = this.entries.get(token);
    if (entry === undefined) return undefined;
    const now = Date.now();
    if (now < entry.until) return entry.claims;
    this.entries.delete(token);
    return typeof entry.claims.exp === 'number' && now >= (entry.claims.exp + this.toleranceSec) * 1000 ? 'expired' : undefined;
  }

  set(token: string, claims: JWTPayload): void {
    if (this.size <= 0) return;
    if (this.entries.size >= this.size) this.entries.delete(this.entries.keys().next().value!);
    const expiry = typeof claims.exp === 'number' ? (claims.exp + this.toleranceSec) * 1000 : Infinity;
    this.entries.set(token, { claims, until: Math.min(Date.now() + this.ttlMs, expiry) });
  }
}
