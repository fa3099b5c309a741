// JSON.stringify writes a Buffer through its toJSON as {"type":"Buffer","data":[…]} and any
// other Uint8Array as {"0":…} (or {} when empty). Only an output bearing one of those marks
// can hold bytes, so only then is it written again with the replacer, which costs three
// times the plain call. One regular expression finds any of them in one pass.
const BYTE_MARKS = /\{(?:"type":"Buffer"|"0":|\})/;
// A model's serializer writes `{}` for values it cannot type (see the README's leniencies),
// so there only the marks of non-empty bytes count.
const MODEL_BYTE_MARKS = /\{(?:"type":"Buffer"|"0":)/;

/**
 * `JSON.stringify` with `Buffer`s and `Uint8Array`s written as base64 strings (OpenAPI's
 * `format: byte`), as FastAPI writes `bytes`.
 */
export function stringifyJson(value: unknown): string {
  const text = JSON.stringify(value);
  // undefined for undefined, a function or a symbol, as JSON.stringify answers.
  if (text === undefined) return text;
  return BYTE_MARKS.test(text) ? JSON.stringify(value, bytesAsBase64) : text;
}

/**
 * A responseModel's compiled serializer, with bytes as base64 too: fast-json-stringify writes a
 * field it has no type for as `JSON.stringify` does, so an answer bearing a mark of bytes is
 * written again through the model's filter and `stringifyJson` (an empty one stays `{}`).
 */
export function withBytesAsBase64(serialize: (value: unknown) => string, filter: (value: unknown) => unknown): (value: unknown) => string {
  return (value) => {
    const text = serialize(value);
    return MODEL_BYTE_MARKS.test(text) ? stringifyJson(filter(value)) : text;
  };
}

function bytesAsBase64(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  return raw instanceof Uint8Array ? Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64') : value;
}
