import { createRequire } from 'node:module';
import { declaredFields, typeOf, validationRecords, type ValidationMetadata } from './class-metadata.js';
import { compileModelFilter, keptFields, modelDefaults, withoutNulls, type ResponseModelOptions } from './response-model.js';

/** Writes a handler's answer as the JSON of its response model; throws when a value has the wrong type. */
export type ResponseSerializer = (value: unknown) => string;

type Schema = Record<string, unknown>;
type Build = (schema: Schema) => ResponseSerializer;

// Loaded with the first responseModel, so apps without one start without it (and without ajv).
const require = createRequire(import.meta.url);
let build: Build | undefined;
const fastJson = (): Build => (build ??= require('fast-json-stringify') as Build);

// The JSON type each class-validator constraint promises. A Date is a string: fast-json-stringify
// writes it as its ISO form. Fields without one of these are written as JSON.stringify would.
const JSON_TYPES = new Map([
  ['isString', 'string'],
  ['isNumber', 'number'],
  ['isInt', 'integer'],
  ['isBoolean', 'boolean'],
  ['isDate', 'string'],
]);

// Per model class, by list-or-not and options: routes sharing a model and options share one serializer.
const compiled = new WeakMap<Function, Map<string, ResponseSerializer>>();

/**
 * Compiles the serializer of a DTO class (or `[Dto]`) once: only declared fields, nested DTOs
 * and lists of them followed through `@Type()`, each value checked against its declared type,
 * fields the model initialises filled in when missing. `options` are FastAPI's
 * `response_model_exclude_unset/_exclude_none/_include/_exclude`.
 */
export function compileResponseSerializer(model: Function | [Function], options: ResponseModelOptions = {}): ResponseSerializer {
  const cls = Array.isArray(model) ? model[0] : model;
  const key = JSON.stringify([Array.isArray(model), options.excludeUnset === true, options.excludeNone === true, options.include, options.exclude]);
  let byOptions = compiled.get(cls);
  if (!byOptions) compiled.set(cls, (byOptions = new Map()));
  let serialize = byOptions.get(key);
  if (!serialize) byOptions.set(key, (serialize = compile(model, options)));
  return serialize;
}

function compile(model: Function | [Function], options: ResponseModelOptions): ResponseSerializer {
  let serialize: ResponseSerializer;
  try {
    serialize = fastJson()(modelSchema(model, options));
  } catch {
    // Still answers with the declared fields only, but without checking their types.
    const filter = compileModelFilter(model, { ...options, excludeNone: false });
    serialize = (value) => JSON.stringify(filter(value));
  }
  // fast-json-stringify has no way to skip a null, so those answers are copied without them first.
  if (!options.excludeNone) return serialize;
  const write = serialize;
  return (value) => write(withoutNulls(value));
}

// Every type also admits null, and no field is required: the model shapes and type-checks what
// the handler returns, as the filter did before; presence is the handler's business.
function modelSchema(model: Function | [Function], options: ResponseModelOptions): Schema {
  const definitions: Schema = {};
  const names = new Map<Function, string>();
  const building = new Set<Function>();
  const cyclic = new Set<Function>();
  // Each class is one definition, named after it for readable errors.
  const ref = (cls: Function): Schema => {
    let name = names.get(cls);
    if (name === undefined) {
      const taken = new Set(names.values());
      const base = cls.name.replace(/[^A-Za-z0-9_]/g, '_') || 'Model';
      name = base;
      for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
      names.set(cls, name);
      building.add(cls);
      const properties = objectProperties(cls, declaredFields(cls), options, ref);
      building.delete(cls);
      definitions[name] = { type: ['object', 'null'], properties };
      // fast-json-stringify recurses forever on a cycle through a type list; as a plain
      // nullable object it compiles, at the price of writing a non-object there as {}.
      if (cyclic.has(cls)) definitions[name] = { type: 'object', nullable: true, properties };
    } else if (building.has(cls)) {
      cyclic.add(cls);
    }
    return { $ref: `#/definitions/${name}` };
  };
  const cls = Array.isArray(model) ? model[0] : model;
  // include/exclude shape the top level only, so that object is written inline, apart from the
  // definition nested uses of the same class share.
  const shaped = options.include !== undefined || options.exclude !== undefined;
  const top = shaped ? { type: ['object', 'null'], properties: objectProperties(cls, keptFields(cls, options), options, ref) } : ref(cls);
  const root = Array.isArray(model) ? { type: ['array', 'null'], items: top } : top;
  return { ...root, definitions };
}

function objectProperties(cls: Function, fields: string[], options: ResponseModelOptions, ref: (cls: Function) => Schema): Schema {
  const records = validationRecords(cls);
  const defaults = options.excludeUnset ? undefined : modelDefaults(cls);
  return Object.fromEntries(
    fields.map((field) => {
      const schema = fieldSchema(cls, field, records.filter((r) => r.propertyName === field), ref);
      // fast-json-stringify writes `default` for a field the value leaves undefined.
      if (defaults?.has(field)) {
        const value = defaults.get(field);
        if (!options.excludeNone) schema.default = value;
        else if (value !== null) schema.default = withoutNulls(value);
      }
      return [field, schema];
    }),
  );
}

function fieldSchema(cls: Function, field: string, records: ValidationMetadata[], ref: (cls: Function) => Schema): Schema {
  const typeRecord = typeOf(cls, field);
  const type = typeRecord?.typeFunction?.();
  const nested = typeof type === 'function' && declaredFields(type).length > 0 ? type : undefined;
  const item = nested ? ref(nested) : scalarSchema(records);
  const list =
    records.some((r) => r.name === 'isArray' || (r.each && (r.type === 'nestedValidation' || JSON_TYPES.has(r.name ?? '')))) ||
    (nested !== undefined && typeRecord?.reflectedType === Array);
  return list ? { type: ['array', 'null'], items: item } : item;
}

function scalarSchema(records: ValidationMetadata[]): Schema {
  const types = new Set(records.map((r) => JSON_TYPES.get(r.name ?? '')).filter((t) => t !== undefined));
  // @IsNumber() with @IsInt() admits integers only.
  if (types.size === 2 && types.has('integer') && types.has('number')) types.delete('number');
  return types.size === 1 ? { type: [...types, 'null'] } : {};
}
