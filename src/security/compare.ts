import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares two secrets in constant time (Python's `secrets.compare_digest`). Both are hashed
 * to SHA-256 first, so neither the content nor the length of the expected value leaks
 * through timing, and inputs of any length can be compared.
 * @example const ok = compareDigest(credentials.password, expectedPassword);
 */
export function compareDigest(given: string | Uint8Array, expected: string | Uint8Array): boolean {
  return timingSafeEqual(sha256(given), sha256(expected));
}

function sha256(value: string | Uint8Array): Buffer {
  return createHash('sha256').update(value).digest();
}
