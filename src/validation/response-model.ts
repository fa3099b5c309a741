import { declaredFields, typeOf } from './class-metadata.js';

/** Keeps only the fields a response model declares, recursively, as FastAPI's `response_model` does. */
export type ModelFilter = (value: unknown) => unknown;

/** Builds the filter of a DTO class (or `[Dto]`) once, from its class-validator and @Type() metadata. */
export function compileModelFilter(model: Function | [Function]): ModelFilter {
  if (Array.isArray(model)) {
    const item = compileModelFilter(model[0]);
    return (value) => (Array.isArray(value) ? value.map(item) : item(value));
  }
  const fields = declaredFields(model);
  const nested = new Map<string, ModelFilter>();
  for (const field of fields) {
    const typeMeta = typeOf(model, field);
    const type = typeMeta?.typeFunction?.();
    if (typeof type === 'function' && type !== model && declaredFields(type).length > 0) nested.set(field, compileModelFilter(type));
  }
  return function filterModel(value) {
    if (value === null || typeof value !== 'object') return value;
    const source = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const field of fields) {
      if (!(field in source)) continue;
      const inner = nested.get(field);
      const v = source[field];
      out[field] = inner ? (Array.isArray(v) ? v.map(inner) : inner(v)) : v;
    }
    return out;
  };
}
