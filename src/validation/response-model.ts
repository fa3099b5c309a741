import { getMetadataStorage } from 'class-validator';
import { createRequire } from 'node:module';

interface TypeRecords {
  findTypeMetadata(target: Function, property: string): { typeFunction?: () => unknown } | undefined;
}

// class-transformer keeps @Type() records here and has no public reader for them.
const { defaultMetadataStorage } = createRequire(import.meta.url)('class-transformer/cjs/storage') as {
  defaultMetadataStorage: TypeRecords;
};

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
    const typeMeta = defaultMetadataStorage.findTypeMetadata(model, field);
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

export function declaredFields(model: Function): string[] {
  const metas = getMetadataStorage().getTargetValidationMetadatas(model, '', true, false);
  return [...new Set(metas.map((m) => m.propertyName))];
}
