import { readPropertyType } from '../metadata/read.js';
import type { ScalarType } from '../metadata/records.js';
import { declaredFields, hasCheck, typeOf } from './class-metadata.js';
import { compileCoercer, planCoercion, type Coercer, type CoercionPlan } from './coerce.js';
import { compileDto, type DtoResult } from './dto.js';
import type { ErrorDetail, Loc } from './errors.js';

/** Where a parameter model reads its fields from. */
export type ModelSource = 'query' | 'header' | 'cookie' | 'form';

/** One field of a parameter model: the class's property and the key it is read under. */
export interface ModelField {
  property: string;
  /** The query key, header name (`userAgent` → `user-agent`), cookie name or form field. */
  key: string;
  plan: CoercionPlan;
}

/** The raw values of one request's source, as the model reads them. */
export interface ModelInput {
  get(key: string, list: boolean): string | string[] | undefined;
  keys(): Iterable<string>;
}

const SCALARS = new Set<unknown>([String, Number, Boolean, Date]);
const LOC_OF: Record<ModelSource, string> = { query: 'query', header: 'header', cookie: 'cookie', form: 'body' };

/**
 * The fields of a parameter model class: every property with a class-validator decorator,
 * coerced from its string(s) to the type TypeScript emitted for it (an array's items to the
 * class-transformer `@Type()` given, else strings). Headers are read dashed (`save_data` from
 * `save-data`) unless `convertUnderscores` is false.
 */
export function modelFields(cls: Function, source: ModelSource, { convertUnderscores = true }: { convertUnderscores?: boolean } = {}): ModelField[] {
  return declaredFields(cls).map((property) => {
    const design = readPropertyType(cls, property);
    let type: unknown = SCALARS.has(design) ? design : String;
    if (design === Array) {
      const item = typeOf(cls, property)?.typeFunction?.();
      type = [SCALARS.has(item) ? item : String];
    }
    const integer = design === Number && hasCheck(cls, property, 'isInt');
    const plan = planCoercion({ type: type as ScalarType, integer }, undefined, false);
    const key = source !== 'header' ? property : convertUnderscores ? headerName(property) : property.toLowerCase();
    return { property, key, plan };
  });
}

/** FastAPI turns `save_data` into the `save-data` header; camelCase reads the same way here. */
function headerName(property: string): string {
  return property.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/_/g, '-').toLowerCase();
}

/**
 * Prepares a parameter model once: each field is coerced like a named parameter (errors at
 * `[source, property]`), then the object goes through the class's validation. With
 * `forbidUnknown`, every other key is an `extra_forbidden` error naming it.
 */
export function compileParamModelReader(cls: Function, source: ModelSource, options: { forbidUnknown: boolean; convertUnderscores?: boolean }) {
  const fields = modelFields(cls, source, options).map((field) => ({ ...field, coerce: compileCoercer(field.plan) as Coercer }));
  if (fields.length === 0) throw new Error(`${cls.name} declares no field with a class-validator decorator`);
  const known = new Set(fields.map((f) => f.key));
  const where = LOC_OF[source];
  const validate = compileDto(cls);
  return function readModel(input: ModelInput): DtoResult | Promise<DtoResult> {
    const plain: Record<string, unknown> = {};
    let errors: ErrorDetail[] | undefined;
    const sink = { push: (...details: ErrorDetail[]) => (errors ??= []).push(...details) };
    for (const field of fields) {
      const raw = input.get(field.key, field.plan.list);
      if (raw === undefined) continue;
      const value = field.coerce(raw, [where, field.property], sink);
      // A value that failed coercion is left out: its error is already recorded.
      if (value !== undefined) plain[field.property] = value;
    }
    if (options.forbidUnknown) {
      for (const key of input.keys()) {
        if (known.has(key)) continue;
        // A key sent once is reported as its value, a repeated one as the list (FastAPI's way).
        const value = input.get(key, false);
        sink.push({ type: 'extra_forbidden', loc: [where, key], msg: 'Extra inputs are not permitted', input: Array.isArray(value) && value.length === 1 ? value[0] : value });
      }
    }
    const failed = errors;
    const result = validate(plain, [where]);
    return result instanceof Promise ? result.then((r) => merge(r, failed)) : merge(result, failed);
  };
}

// One error per location: a field whose coercion failed is not reported again by the class's checks.
function merge(result: DtoResult, coercion: ErrorDetail[] | undefined): DtoResult {
  if (!coercion) return result;
  const seen = new Set(coercion.map((e) => fieldOf(e.loc)));
  const rest = (result.errors ?? []).filter((e) => !seen.has(fieldOf(e.loc)));
  return { errors: [...coercion, ...rest] };
}

const fieldOf = (loc: Loc): string => String(loc[1]);
