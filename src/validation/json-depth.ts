import type { ErrorDetail, Loc } from './errors.js';

/**
 * How deep a JSON body or message may nest objects and arrays by default. DTOs rarely pass a
 * handful of levels; every recursive step after parsing (class-transformer, class-validator,
 * serialisation) stays far from the stack's limit at this depth.
 */
export const DEFAULT_MAX_JSON_DEPTH = 64;

/** The highest `maxJsonDepth` accepted: class-validator overflows the stack near 1,000 levels. */
export const MAX_JSON_DEPTH_LIMIT = 256;

/** Checks a `maxJsonDepth` option at bootstrap; returns it, or the default when absent. */
export function resolveMaxJsonDepth(value: number | undefined): number {
  if (value === undefined) return DEFAULT_MAX_JSON_DEPTH;
  if (!Number.isInteger(value) || value < 1 || value > MAX_JSON_DEPTH_LIMIT) {
    throw new RangeError(`maxJsonDepth must be a whole number from 1 to ${MAX_JSON_DEPTH_LIMIT}, got ${value}`);
  }
  return value;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/**
 * The offset of the first `{` or `[` that opens level `maxDepth + 1`, or -1 when the text never
 * nests that deep. Runs before `JSON.parse`, so an over-deep document is never built, and in one
 * pass without recursion; brackets inside strings do not count.
 */
export function depthOverflowAt(text: string, maxDepth: number): number {
  // Passing the bound takes at least maxDepth + 1 opening brackets.
  if (text.length <= maxDepth) return -1;
  let depth = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      for (i++; i < length; i++) {
        const s = text.charCodeAt(i);
        if (s === BACKSLASH) i++;
        else if (s === QUOTE) break;
      }
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > maxDepth) return i;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
    }
  }
  return -1;
}

/** The validation error of a document nested deeper than `maxDepth`. */
export function tooDeep(loc: Loc, maxDepth: number): ErrorDetail {
  return { type: 'json_too_deep', loc, msg: `JSON nested deeper than ${maxDepth} levels`, input: null, ctx: { maxDepth } };
}
