import type { targetConstructorToSchema, validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { createRequire } from 'node:module';
import { planCoercion, type CoercionPlan } from '../validation/coerce.js';
import { readPropertyType } from '../metadata/read.js';
import { ResponseUnion } from '../metadata/response-union.js';
import { declaredFields, typedProperties } from '../validation/class-metadata.js';
import { classTransformerStorage } from '../validation/libraries.js';
import type { JsonSchema } from './types.js';

// Where component schemas live, in both documents.
const SCHEMA_REF_PREFIX = '#/components/schemas/';

// Loaded with the first document, so serving requests never waits for them. class-transformer
// keeps @Type() records in its storage; class-validator-jsonschema follows them to nested DTOs.
const require = createRequire(import.meta.url);
type SchemaTransformerStorage = NonNullable<Parameters<typeof validationMetadatasToSchemas>[0]>['classTransformerMetadataStorage'];
type JsonSchemaLibrary = { validationMetadatasToSchemas: typeof validationMetadatasToSchemas; targetConstructorToSchema: typeof targetConstructorToSchema };
const schemaLibraries = () => ({
  ...(require('class-validator-jsonschema') as JsonSchemaLibrary),
  transformerStorage: classTransformerStorage() as unknown as SchemaTransformerStorage,
});

type Converters = NonNullable<Parameters<typeof validationMetadatasToSchemas>[0]>['additionalConverters'];

// The library's defaults set `type: number` on numeric constraints, which overrides an
// `@IsInt()` declared below them, and list a numeric enum's reverse-mapped names. Keys are
// class-validator's constraint names.
const CONVERTERS = {
  min: (meta) => ({ minimum: meta.constraints[0] }),
  max: (meta) => ({ maximum: meta.constraints[0] }),
  isPositive: { exclusiveMinimum: 0 },
  isNegative: { exclusiveMaximum: 0 },
  isDivisibleBy: (meta) => ({ multipleOf: meta.constraints[0] }),
  isEnum: (meta) => enumSchema(planCoercion({ enum: meta.constraints[0] }, undefined).enumValues ?? []) as never,
} satisfies Converters;

// The components behind FastAPI's 422 answer, `{"detail": [{type, loc, msg, input, ctx?}]}`.
const VALIDATION_COMPONENTS: Record<string, JsonSchema> = {
  HTTPValidationError: {
    title: 'HTTPValidationError',
    type: 'object',
    properties: { detail: { title: 'Detail', type: 'array', items: { $ref: `${SCHEMA_REF_PREFIX}ValidationError` } } },
  },
  ValidationError: {
    title: 'ValidationError',
    type: 'object',
    properties: {
      type: { title: 'Error Type', type: 'string' },
      loc: { title: 'Location', type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'integer' }] } },
      msg: { title: 'Message', type: 'string' },
      input: { title: 'Input' },
      ctx: { title: 'Context', type: 'object' },
    },
    required: ['type', 'loc', 'msg'],
  },
};

/** Collects the component schemas one document refers to. */
export interface SchemaRegistry {
  /**
   * A declared type's schema: a DTO class as a `$ref`, `[Dto]` as an array of them, built-ins
   * as their JSON type. `output` is a response's view of the class, where fields the class
   * initialises are always present.
   */
  forType(type: unknown, mode?: SchemaMode): JsonSchema;
  /** A DTO class's own properties and required names, inlined (parameter models are listed field by field). */
  propertiesOf(type: Function): { properties: Record<string, JsonSchema>; required: string[] };
  /** A `$ref` to the schema of FastAPI's 422 answer. */
  validationError(): JsonSchema;
  /** The components referred to so far, with those they refer to, sorted by name. */
  components(): Record<string, JsonSchema>;
}

/**
 * A registry over class-validator's metadata: each DTO becomes a component named after its
 * class (so two DTOs must not share a name), nested DTOs (`@ValidateNested()` + `@Type()`)
 * become `$ref`s, and only components the document reaches are kept.
 */
export function createSchemaRegistry(options: { separateInputOutput?: boolean } = {}): SchemaRegistry {
  const roots = new Map<string, JsonSchema>();
  const uses = new Map<string, ClassUse>();
  let generated: Record<string, JsonSchema> | undefined;

  // Every DTO class met so far, by name, with the classes its @Type() records lead to: the
  // generated schemas are keyed by name, and a field's declared type needs the class.
  const classes = new Map<string, Function>();
  const meet = (cls: Function): void => {
    if (classes.has(cls.name)) return;
    classes.set(cls.name, cls);
    for (const record of typedProperties(cls).values()) {
      const nested = record.typeFunction?.();
      if (typeof nested === 'function' && nested.name) meet(nested);
    }
  };
  const libraryOptions = () => ({
    refPointerPrefix: SCHEMA_REF_PREFIX,
    classTransformerMetadataStorage: schemaLibraries().transformerStorage,
    additionalConverters: CONVERTERS,
  });
  const dtoSchemas = (): Record<string, JsonSchema> => {
    if (generated) return generated;
    generated = schemaLibraries().validationMetadatasToSchemas(libraryOptions()) as Record<string, JsonSchema>;
    return generated;
  };
  const dtoSchema = (name: string): JsonSchema | undefined => {
    const cls = classes.get(name);
    let schema = dtoSchemas()[name];
    // A subclass that declares no field of its own (`class UserOut extends UserBase {}`) has no
    // generated schema: it is its parents' fields.
    if (!schema && cls && declaredFields(cls).length > 0) {
      schema = schemaLibraries().targetConstructorToSchema(cls, libraryOptions()) as JsonSchema;
      generated![name] = schema;
    }
    return schema && cls ? withBytesFields(cls, schema) : schema;
  };

  function forType(type: unknown, mode: SchemaMode = 'input'): JsonSchema {
    if (Array.isArray(type)) return { type: 'array', items: forType(type[0], mode) };
    if (type instanceof ResponseUnion) return { anyOf: type.models.map((model) => forType(model, mode)) };
    const builtin = BUILTIN_SCHEMAS.get(type);
    if (builtin) return { ...builtin };
    if (typeof type !== 'function' || !type.name) return {};
    let use = uses.get(type.name);
    if (!use) uses.set(type.name, (use = { cls: type, modes: new Set(), refs: [] }));
    meet(type);
    use.modes.add(mode);
    // The name is settled in components(), once it is known whether both views are used.
    const ref: JsonSchema = { $ref: SCHEMA_REF_PREFIX + type.name };
    use.refs.push({ ref, mode });
    return ref;
  }

  /** Each class's component(s): one schema, or `Name-Input` and `Name-Output` when both views are used and differ. */
  function classComponents(): Map<string, JsonSchema> {
    const out = new Map<string, JsonSchema>();
    for (const [name, use] of uses) {
      const input = dtoSchema(name) ?? { title: name, type: 'object' };
      const output = use.modes.has('output') ? outputView(use.cls, input) : input;
      if (use.modes.size === 2 && output !== input && options.separateInputOutput !== false) {
        out.set(`${name}-Input`, input);
        out.set(`${name}-Output`, output);
        for (const { ref, mode } of use.refs) ref.$ref = `${SCHEMA_REF_PREFIX}${name}-${mode === 'input' ? 'Input' : 'Output'}`;
      } else {
        out.set(name, use.modes.has('input') ? input : output);
      }
    }
    return out;
  }

  function propertiesOf(type: Function): { properties: Record<string, JsonSchema>; required: string[] } {
    meet(type);
    const schema = dtoSchema(type.name) ?? {};
    const properties = schema.properties ?? {};
    // Refs inside a property still need their components.
    for (const name of refsIn(properties)) if (!roots.has(name)) roots.set(name, dtoSchema(name) ?? { title: name, type: 'object' });
    return { properties, required: schema.required ?? [] };
  }

  function validationError(): JsonSchema {
    for (const [name, schema] of Object.entries(VALIDATION_COMPONENTS)) roots.set(name, schema);
    return { $ref: `${SCHEMA_REF_PREFIX}HTTPValidationError` };
  }

  function components(): Record<string, JsonSchema> {
    const found = new Map([...roots, ...classComponents()]);
    const pending = [...found.values()];
    while (pending.length > 0) {
      for (const name of refsIn(pending.pop())) {
        if (found.has(name)) continue;
        // A nested class without validators has no generated schema: any object fits it.
        const schema = dtoSchema(name) ?? { title: name, type: 'object' };
        found.set(name, schema);
        pending.push(schema);
      }
    }
    return Object.fromEntries([...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  return { forType, propertiesOf, validationError, components };
}

/** Whether a schema describes a request's input or a response's output. */
export type SchemaMode = 'input' | 'output';

interface ClassUse {
  cls: Function;
  modes: Set<SchemaMode>;
  refs: { ref: JsonSchema; mode: SchemaMode }[];
}

/**
 * A response's view of a class: a field the class initialises (`tags: string[] = []`) is
 * always in the answer, since the response model fills it, so it is required there. The same
 * schema object when nothing changes.
 */
function outputView(cls: Function, input: JsonSchema): JsonSchema {
  let instance: Record<string, unknown>;
  try {
    instance = new (cls as new () => Record<string, unknown>)();
  } catch {
    return input;
  }
  const required = new Set(input.required ?? []);
  const added = Object.keys(input.properties ?? {}).filter((key) => instance[key] !== undefined && !required.has(key));
  if (added.length === 0) return input;
  return { ...input, required: [...required, ...added] };
}

const BUILTIN_SCHEMAS = new Map<unknown, JsonSchema>([
  [String, { type: 'string' }],
  [Number, { type: 'number' }],
  [Boolean, { type: 'boolean' }],
  [Date, { type: 'string', format: 'date-time' }],
  [Array, { type: 'array', items: {} }],
  [Object, {}],
  [Buffer, { type: 'string', format: 'binary' }],
  [Uint8Array, { type: 'string', format: 'binary' }],
]);

// JSON answers carry bytes as base64 (http/json.ts): described as FastAPI describes its base64
// `bytes` fields, plus OpenAPI's older `format: byte` that code generators still read.
const BYTES_IN_JSON: JsonSchema = { type: 'string', format: 'byte', contentEncoding: 'base64', contentMediaType: 'application/octet-stream' };

/** `schema` with the properties declared as `Buffer` or `Uint8Array` described as base64 text. */
function withBytesFields(cls: Function, schema: JsonSchema): JsonSchema {
  const properties = schema.properties ?? {};
  let changed: Record<string, JsonSchema> | undefined;
  for (const [key, property] of Object.entries(properties)) {
    const type = readPropertyType(cls, key);
    if (type !== Buffer && type !== Uint8Array) continue;
    // `not: {type: null}` is what `@IsDefined()` adds; a string already says as much.
    const { not: _notNull, ...described } = property;
    (changed ??= { ...properties })[key] = { ...described, ...BYTES_IN_JSON };
  }
  return changed ? { ...schema, properties: changed } : schema;
}

function refsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) {
    for (const item of value) refsIn(item, out);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string' && inner.startsWith(SCHEMA_REF_PREFIX)) out.push(inner.slice(SCHEMA_REF_PREFIX.length));
      else refsIn(inner, out);
    }
  }
  return out;
}

/** The schema of a path, query, header, cookie or form value, from the plan its coercer follows. */
export function scalarSchema(plan: CoercionPlan): JsonSchema {
  const item: JsonSchema = plan.scalar === 'date' ? { type: 'string', format: 'date-time' } : { type: plan.scalar };
  if (plan.enumValues) Object.assign(item, enumSchema(plan.enumValues));
  const { gt, ge, lt, le, multipleOf, minLength, maxLength, pattern } = plan.constraints;
  Object.assign(item, {
    ...(gt !== undefined && { exclusiveMinimum: gt }),
    ...(ge !== undefined && { minimum: ge }),
    ...(lt !== undefined && { exclusiveMaximum: lt }),
    ...(le !== undefined && { maximum: le }),
    ...(multipleOf !== undefined && { multipleOf }),
    ...(pattern !== undefined && { pattern: pattern.source }),
  });
  const lengths = (min: string, max: string): JsonSchema => ({
    ...(minLength !== undefined && { [min]: minLength }),
    ...(maxLength !== undefined && { [max]: maxLength }),
  });
  const schema: JsonSchema = plan.list ? { type: 'array', items: item, ...lengths('minItems', 'maxItems') } : Object.assign(item, lengths('minLength', 'maxLength'));
  const fallback = jsonValue(plan.shownDefault);
  if (fallback !== undefined) schema.default = fallback;
  return schema;
}

function enumSchema(values: (string | number)[]): JsonSchema {
  const type = values.every((v) => typeof v === 'string')
    ? 'string'
    : values.every((v) => Number.isInteger(v))
      ? 'integer'
      : values.every((v) => typeof v === 'number')
        ? 'number'
        : undefined;
  return type ? { type, enum: values } : { enum: values };
}

/** A default or example as it reads in JSON (a `Date` as its ISO string); `undefined` when it has no JSON form. */
export function jsonValue(value: unknown): unknown {
  if (value === undefined || ['function', 'symbol', 'bigint'].includes(typeof value)) return undefined;
  return JSON.parse(JSON.stringify(value) ?? 'null');
}
