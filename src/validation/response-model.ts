import { declaredFields, typeOf } from './class-metadata.js';
import { classTransformer, classValidator } from './libraries.js';
import { compileChecks } from './compiled-checks.js';
import { compileDtoFunction } from './compiled-dto.js';

/** Keeps only the fields a response model declares, recursively, as FastAPI's `response_model` does. */
export type ModelFilter = (value: unknown) => unknown;

/** FastAPI's `response_model_*` route options. */
export interface ResponseModelOptions {
  /** Write only the fields the returned value sets: the model's initialised values are not filled in. */
  excludeUnset?: boolean;
  /** Leave out fields whose value is `null`, at every depth. */
  excludeNone?: boolean;
  /** Only these fields of the model (of each item, for `[Dto]`). */
  include?: readonly string[];
  /** All fields of the model but these. */
  exclude?: readonly string[];
}

const defaultsOf = new WeakMap<Function, Map<string, unknown>>();

/**
 * The values a model initialises its declared fields to (`tags: string[] = []`), learned by
 * constructing it once. Only JSON constants count: an initialiser such as `new Date()` would be
 * frozen at its first value, so it is left to the handler.
 */
export function modelDefaults(cls: Function): Map<string, unknown> {
  let defaults = defaultsOf.get(cls);
  if (defaults !== undefined) return defaults;
  defaults = new Map();
  let instance: Record<string, unknown> | undefined;
  try {
    instance = new (cls as new () => Record<string, unknown>)();
  } catch {
    // A model whose constructor needs arguments initialises nothing we can read.
  }
  if (instance !== undefined) {
    for (const field of declaredFields(cls)) if (isJsonConstant(instance[field])) defaults.set(field, instance[field]);
  }
  defaultsOf.set(cls, defaults);
  return defaults;
}

function isJsonConstant(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.every(isJsonConstant);
  const proto = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && Object.values(value as object).every(isJsonConstant);
}

/** The model's fields an answer writes under `include`/`exclude`; names the model lacks are an error. */
export function keptFields(cls: Function, options: ResponseModelOptions): string[] {
  const fields = declaredFields(cls);
  for (const name of [...(options.include ?? []), ...(options.exclude ?? [])]) {
    if (!fields.includes(name)) throw new Error(`response model ${cls.name} has no field "${name}" to include or exclude`);
  }
  return fields.filter((f) => (options.include === undefined || options.include.includes(f)) && !options.exclude?.includes(f));
}

/** A copy of `value` without `null` fields, at every depth (FastAPI's `exclude_none`). */
export function withoutNulls(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || value instanceof Date || ArrayBuffer.isView(value)) return value;
  if (Array.isArray(value)) return value.map(withoutNulls);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== null) out[key] = withoutNulls(v);
  }
  return out;
}

/**
 * Builds the filter of a DTO class (or `[Dto]`) once, from its class-validator and @Type()
 * metadata: declared fields only, initialised values filled in unless `excludeUnset`.
 */
export function compileModelFilter(model: Function | [Function], options: ResponseModelOptions = {}): ModelFilter {
  const filter = compileFilter(model, options, true);
  return options.excludeNone ? (value) => withoutNulls(filter(value)) : filter;
}

function compileFilter(model: Function | [Function], options: ResponseModelOptions, root: boolean): ModelFilter {
  if (Array.isArray(model)) {
    const item = compileFilter(model[0], options, root);
    return (value) => (Array.isArray(value) ? value.map(item) : item(value));
  }
  // include/exclude shape the top level only, as FastAPI's sets of names do.
  const fields = root ? keptFields(model, options) : declaredFields(model);
  const defaults = options.excludeUnset ? new Map<string, unknown>() : modelDefaults(model);
  const nested = new Map<string, ModelFilter>();
  for (const field of fields) {
    const typeMeta = typeOf(model, field);
    const type = typeMeta?.typeFunction?.();
    if (typeof type === 'function' && type !== model && declaredFields(type).length > 0) nested.set(field, compileFilter(type, options, false));
  }
  return function filterModel(value) {
    if (value === null || typeof value !== 'object') return value;
    const source = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const field of fields) {
      const v = source[field];
      if (v === undefined) {
        if (defaults.has(field)) out[field] = defaults.get(field);
        continue;
      }
      const inner = nested.get(field);
      out[field] = inner ? (Array.isArray(v) ? v.map(inner) : inner(v)) : v;
    }
    return out;
  };
}

/**
 * Whether a returned object passes a model's class-validator checks: how a union response model
 * picks the model that shapes an answer, trying each in order as pydantic does.
 */
export function compileFits(cls: Function): (value: unknown) => boolean {
  // The compiled checks decide a "yes" exactly; a "no" (or a model they do not cover) is asked
  // of class-validator, as before, so only the model that does not fit pays for reflection.
  const options = { whitelist: false, forbidNonWhitelisted: false };
  const fromPlain = compileDtoFunction(cls, options);
  const isValid = compileChecks(cls, options);
  const slow = (instance: object) => classValidator().validateSync(instance).length === 0;
  return function fits(value) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
    if (value instanceof cls) return isValid?.(value) === true || slow(value);
    return fromPlain?.(value) !== undefined || slow(classTransformer().plainToInstance(cls as new () => object, value));
  };
}
