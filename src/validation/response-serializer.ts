import { createRequire } from 'node:module';
import { declaredFields, typeOf, validationRecords, type ValidationMetadata } from './class-metadata.js';
import { compileModelFilter } from './response-model.js';

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

const compiled = new WeakMap<Function, ResponseSerializer>();
const compiledLists = new WeakMap<Function, ResponseSerializer>();

/**
 * Compiles the serializer of a DTO class (or `[Dto]`) once: only declared fields, nested DTOs
 * and lists of them followed through `@Type()`, each value checked against its declared type.
 */
export function compileResponseSerializer(model: Function | [Function]): ResponseSerializer {
  const [cls, cache] = Array.isArray(model) ? [model[0], compiledLists] : [model, compiled];
  let serialize = cache.get(cls);
  if (!serialize) cache.set(cls, (serialize = compile(model)));
  return serialize;
}

function compile(model: Function | [Function]): ResponseSerializer {
  try {
    return fastJson()(modelSchema(model));
  } catch {
    // Still answers with the declared fields only, but without checking their types.
    const filter = compileModelFilter(model);
    return (value) => JSON.stringify(filter(value));
  }
}

// Every type also admits null, and no field is required: the model shapes and type-checks what
// the handler returns, as the filter did before; presence is the handler's business.
function modelSchema(model: Function | [Function]): Schema {
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
      const properties = objectProperties(cls, ref);
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
  const root = Array.isArray(model) ? { type: ['array', 'null'], items: ref(model[0]) } : ref(model);
  return { ...root, definitions };
}

function objectProperties(cls: Function, ref: (cls: Function) => Schema): Schema {
  const records = validationRecords(cls);
  return Object.fromEntries(declaredFields(cls).map((field) => [field, fieldSchema(cls, field, records.filter((r) => r.propertyName === field), ref)]));
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
