import { createPublicKey, createSecretKey, KeyObject, webcrypto, type JsonWebKey } from 'node:crypto';
import type { JWTPayload, JWTVerifyGetKey, JWTVerifyOptions } from 'jose';
import { HttpException } from '../http/exceptions.js';
import { insufficientScope, missingScopes } from './scopes.js';
import { VerifiedCache } from './verified-cache.js';
import { bearerToken, SecurityScheme, unauthorized, type CredentialReader, type RequestKind, type SchemeOptions, type SecuritySchemeObject } from './scheme.js';

type Jose = typeof import('jose');

/** Options of `JWTBearer`: exactly one of `secret`, `publicKey` or `jwksUrl`. */
export interface JWTBearerOptions extends SchemeOptions {
  /** The shared secret of HS256/384/512 tokens, at least 32 bytes. */
  secret?: string | Uint8Array;
  /** The public key of RS*, PS*, ES* or EdDSA tokens: a PEM string, a JWK or a `KeyObject`. */
  publicKey?: string | JsonWebKey | KeyObject;
  /** The issuer's JSON Web Key Set, fetched on first use, cached, and fetched again for an unknown `kid` (key rotation). */
  jwksUrl?: string | URL;
  /** The accepted `iss` claim(s); unset: not checked. */
  issuer?: string | string[];
  /** The accepted `aud` claim(s); unset: not checked. */
  audience?: string | string[];
  /** The accepted `alg` values (default: every algorithm of the key's kind; never `none`, never HS* with a public key). */
  algorithms?: string[];
  /** Seconds of clock skew allowed on `exp` and `nbf` (default 0). */
  clockToleranceSec?: number;
  /** Claims a token must carry (default `['exp']`: tokens that never expire are refused). */
  requiredClaims?: string[];
  /** How long fetched keys are kept before the set is fetched again (default 600 000 ms). */
  jwksCacheMaxAgeMs?: number;
  /** The least time between two fetches of the set, however many unknown `kid`s arrive (default 30 000 ms). */
  jwksCooldownMs?: number;
  /** How long a fetch of the set may take (default 5 000 ms). */
  jwksTimeoutMs?: number;
  /** Documents the scheme as OAuth2's password flow at this URL (the app's token route), so Swagger UI can log in. */
  tokenUrl?: string;
  /** With `tokenUrl`: the scopes the app knows, each with its description. */
  scopes?: Record<string, string>;
  /** How many verified tokens are remembered, so the same token is not verified again (default 1000; 0: none). */
  cacheSize?: number;
  /** How long a verified token is remembered at most, never past its `exp` (default 600 000 ms). */
  cacheTtlMs?: number;
}

const HMAC = ['HS256', 'HS384', 'HS512'];
const RSA = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'];
const EC_BY_CURVE: Record<string, string> = { 'prime256v1': 'ES256', 'P-256': 'ES256', 'secp384r1': 'ES384', 'P-384': 'ES384', 'secp521r1': 'ES512', 'P-521': 'ES512' };
const ASYMMETRIC = [...RSA, 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];
const MIN_SECRET_BYTES = 32;

let jose: Jose | undefined;
let loading: Promise<Jose> | undefined;
// jose is loaded with the first JWTBearer, so apps without one never load it.
const loadJose = (): Promise<Jose> => (loading ??= import('jose').then((m) => (jose = m)));

/**
 * A bearer JWT verified with `jose`: signature (HS*, RS*, PS*, ES*, EdDSA), `exp`, `nbf`, and
 * `iss`/`aud` when configured. The value is the token's claims. Scopes required where it is
 * used must be granted by the `scope` claim (space-separated) or a `scp`/`scopes` list, else
 * 403 `insufficient_scope`. A bad, expired or not-yet-valid token is 401 `invalid_token`.
 * @example const jwt = new JWTBearer({ secret: process.env.JWT_SECRET!, issuer: 'https://auth.example' });
 */
export class JWTBearer extends SecurityScheme {
  readonly algorithms: readonly string[];
  readonly tokenUrl: string | undefined;
  readonly scopes: Record<string, string>;
  private readonly verifyOptions: JWTVerifyOptions;
  private readonly keyInput: KeyObject | undefined;
  private readonly jwksUrl: URL | undefined;
  private readonly jwksOptions: { cacheMaxAge: number; cooldownDuration: number; timeoutDuration: number };
  private remoteSet: JWTVerifyGetKey | undefined;
  private readonly cryptoKeys = new Map<string, Promise<webcrypto.CryptoKey>>();
  private readonly verified: VerifiedCache;

  constructor(options: JWTBearerOptions) {
    super(options);
    const sources = [options?.secret, options?.publicKey, options?.jwksUrl].filter((s) => s !== undefined);
    if (sources.length !== 1) throw new TypeError('JWTBearer needs exactly one of secret, publicKey or jwksUrl');
    let allowed: string[];
    if (options.secret !== undefined) {
      const bytes = typeof options.secret === 'string' ? Buffer.from(options.secret, 'utf8') : options.secret;
      if (bytes.byteLength < MIN_SECRET_BYTES) throw new TypeError(`JWTBearer: the secret must be at least ${MIN_SECRET_BYTES} bytes (RFC 7518 §3.2)`);
      this.keyInput = createSecretKey(bytes);
      allowed = HMAC;
    } else if (options.publicKey !== undefined) {
      this.keyInput = toPublicKey(options.publicKey);
      allowed = algorithmsOfKey(this.keyInput);
    } else {
      this.jwksUrl = new URL(options.jwksUrl!);
      allowed = ASYMMETRIC;
    }
    this.algorithms = checkAlgorithms(options.algorithms ?? allowed, allowed);
    this.verifyOptions = {
      algorithms: [...this.algorithms],
      ...(options.issuer !== undefined && { issuer: options.issuer }),
      ...(options.audience !== undefined && { audience: options.audience }),
      clockTolerance: options.clockToleranceSec ?? 0,
      requiredClaims: options.requiredClaims ?? ['exp'],
    };
    this.jwksOptions = {
      cacheMaxAge: options.jwksCacheMaxAgeMs ?? 600_000,
      cooldownDuration: options.jwksCooldownMs ?? 30_000,
      timeoutDuration: options.jwksTimeoutMs ?? 5_000,
    };
    this.tokenUrl = options.tokenUrl;
    this.scopes = { ...options.scopes };
    this.verified = new VerifiedCache(options.cacheSize ?? 1000, options.cacheTtlMs ?? 600_000, options.clockToleranceSec ?? 0);
    void loadJose();
  }

  protected model(): SecuritySchemeObject {
    if (this.tokenUrl !== undefined) return { type: 'oauth2', flows: { password: { tokenUrl: this.tokenUrl, scopes: this.scopes } } };
    return { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' };
  }

  override get isAsync(): boolean {
    return true;
  }

  protected reader(scopes: readonly string[], kind: RequestKind): CredentialReader {
    return async (ctx) => {
      const token = bearerToken(ctx, kind);
      if (token === undefined) throw unauthorized('Not authenticated', 'Bearer');
      const claims = await this.verify(token);
      const missing = missingScopes(scopes, grantedScopes(claims));
      if (missing.length > 0) throw insufficientScope(scopes, missing);
      return claims;
    };
  }

  /** Verifies a compact JWT and returns its claims; a refusal is a 401 `invalid_token` `HttpException`. */
  async verify(token: string): Promise<JWTPayload> {
    const known = this.verified.get(token);
    if (known === 'expired') throw refusedToken('Token expired');
    if (known !== undefined) return known;
    const lib = jose ?? (await loadJose());
    try {
      const key: JWTVerifyGetKey = this.keyInput ? (header) => this.cryptoKey(header.alg!, lib) : (this.remoteSet ??= lib.createRemoteJWKSet(this.jwksUrl!, this.jwksOptions));
      const { payload } = await lib.jwtVerify(token, key, this.verifyOptions);
      this.verified.set(token, payload);
      return payload;
    } catch (err) {
      throw refusal(err, lib, this.jwksUrl);
    }
  }

  // jose verifies with WebCrypto; a CryptoKey imported once per algorithm spares it converting the key on every token.
  private cryptoKey(alg: string, lib: Jose): Promise<webcrypto.CryptoKey> {
    let key = this.cryptoKeys.get(alg);
    if (key === undefined) {
      const input = this.keyInput!;
      key =
        input.type === 'secret'
          ? webcrypto.subtle.importKey('raw', input.export(), { name: 'HMAC', hash: `SHA-${alg.slice(2)}` }, false, ['verify'])
          : (lib.importJWK(input.export({ format: 'jwk' }), alg) as Promise<webcrypto.CryptoKey>);
      this.cryptoKeys.set(alg, key);
    }
    return key;
  }
}

/** Scopes granted by a token: the `scope` claim (space-separated), or a `scp` or `scopes` claim (list or string). */
export function grantedScopes(claims: JWTPayload): string[] {
  const out: string[] = [];
  for (const name of ['scope', 'scp', 'scopes']) {
    const value = claims[name];
    if (typeof value === 'string') out.push(...value.split(' ').filter((s) => s !== ''));
    else if (Array.isArray(value)) out.push(...value.filter((s): s is string => typeof s === 'string'));
  }
  return out;
}

function toPublicKey(input: string | JsonWebKey | KeyObject): KeyObject {
  if (input instanceof KeyObject) {
    if (input.type !== 'public') throw new TypeError(`JWTBearer: publicKey must be a public key, got a ${input.type} key`);
    return input;
  }
  return typeof input === 'string' ? createPublicKey(input) : createPublicKey({ key: input, format: 'jwk' });
}

function algorithmsOfKey(key: KeyObject): string[] {
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return RSA;
    case 'rsa-pss':
      return RSA.filter((a) => a.startsWith('PS'));
    case 'ec': {
      const alg = EC_BY_CURVE[key.asymmetricKeyDetails?.namedCurve ?? ''];
      if (!alg) throw new TypeError(`JWTBearer: unsupported EC curve ${key.asymmetricKeyDetails?.namedCurve}`);
      return [alg];
    }
    case 'ed25519':
      return ['EdDSA', 'Ed25519'];
    default:
      throw new TypeError(`JWTBearer: unsupported public key type ${key.asymmetricKeyType}`);
  }
}

// HS* with a public key is the classic confusion attack (the public key used as an HMAC secret); `none` is no signature.
function checkAlgorithms(wanted: readonly string[], allowed: readonly string[]): string[] {
  if (wanted.length === 0) throw new TypeError('JWTBearer: algorithms must not be empty');
  for (const alg of wanted) {
    if (alg.toLowerCase() === 'none') throw new TypeError('JWTBearer: the "none" algorithm is never accepted');
    if (!allowed.includes(alg)) throw new TypeError(`JWTBearer: algorithm ${alg} does not fit the key (allowed: ${allowed.join(', ')})`);
  }
  return [...wanted];
}

const CLAIM_MESSAGES: Record<string, string> = {
  nbf: 'Token not valid yet',
  iss: 'Token issuer not accepted',
  aud: 'Token audience not accepted',
  exp: 'Token has no expiry',
};

// jose's errors are recognised by their class; none of the messages carries the token.
function refusal(err: unknown, lib: Jose, jwksUrl: URL | undefined): HttpException {
  const { errors } = lib;
  if (err instanceof errors.JWKSTimeout || !(err instanceof errors.JOSEError)) {
    console.error(`zigmund: JWTBearer could not get the signing keys${jwksUrl ? ` from ${jwksUrl.origin}${jwksUrl.pathname}` : ''}:`, (err as Error)?.message ?? err);
    return new HttpException(503, 'Token signing keys unavailable');
  }
  let detail = 'Invalid token';
  if (err instanceof errors.JWTExpired) detail = 'Token expired';
  else if (err instanceof errors.JWTClaimValidationFailed) detail = CLAIM_MESSAGES[err.claim] ?? `Token claim ${err.claim} not accepted`;
  else if (err instanceof errors.JOSEAlgNotAllowed) detail = 'Token algorithm not accepted';
  return refusedToken(detail);
}

function refusedToken(detail: string): HttpException {
  return unauthorized(detail, `Bearer error="invalid_token", error_description="${detail}"`);
}
