import type { ParamOptions, ScalarType } from '../metadata/records.js';
import type { ErrorDetail, Loc } from './errors.js';

/** Where coercion failures go: an array, or a request context that gathers them lazily. */
export interface ErrorSink {
  push(...details: ErrorDetail[]): unknown;
}

/** A prepared conversion of a raw string (or repeated strings) into the declared type. */
export type Coercer = (raw: string | string[] | undefined, loc: Loc, errors: ErrorSink) => unknown;

type Convert = (raw: string, loc: Loc, errors: ErrorSink) => unknown;

/** What a parameter coerces to, worked out once from its options and emitted type. */
export interface CoercionPlan {
  scalar: 'string' | 'number' | 'integer' | 'boolean' | 'date';
  list: boolean;
  enumValues?: (string | number)[];
  required: boolean;
  default?: unknown;
}

export function planCoercion(options: Omit<ParamOptions, 'type'> & { type?: unknown }, designType: unknown, defaultRequired = true): CoercionPlan {
  const declared: unknown = options.type ?? designType;
  const list = Array.isArray(declared) || declared === Array;
  const element = Array.isArray(declared) ? declared[0] : list ? String : declared;
  const enumValues = options.enum ? enumList(options.enum) : undefined;
  const hasDefault = 'default' in options;
  return {
    scalar: scalarOf(element as ScalarType | undefined, options.integer === true, enumValues),
    list,
    enumValues,
    required: hasDefault ? false : (options.required ?? defaultRequired),
    default: options.default,
  };
}

function scalarOf(type: ScalarType | undefined, integer: boolean, enumValues?: (string | number)[]): CoercionPlan['scalar'] {
  if (integer) return 'integer';
  if (type === Number) return enumValues?.every((v) => Number.isInteger(v)) ? 'integer' : 'number';
  if (type === Boolean) return 'boolean';
  if (type === Date) return 'date';
  return 'string';
}

// TypeScript numeric enums map names to numbers and numbers back to names: keep the values only.
function enumList(source: NonNullable<ParamOptions['enum']>): (string | number)[] {
  if (Array.isArray(source)) return [...source];
  const values = Object.values(source);
  const numeric = values.filter((v) => typeof v === 'number');
  return numeric.length > 0 ? numeric : values;
}

export function compileCoercer(plan: CoercionPlan): Coercer {
  const convert = withEnum(CONVERTERS[plan.scalar], plan.enumValues);
  const { required, list } = plan;
  const fallback = plan.default;
  return function coerce(raw, loc, errors) {
    if (raw === undefined || (list && Array.isArray(raw) && raw.length === 0)) {
      if (required) errors.push({ type: 'missing', loc, msg: 'Field required', input: null });
      return fallback;
    }
    if (!list) return convert(Array.isArray(raw) ? raw[raw.length - 1] : raw, loc, errors);
    const items = Array.isArray(raw) ? raw : [raw];
    const out = new Array(items.length);
    for (let i = 0; i < items.length; i++) out[i] = convert(items[i], [...loc, i], errors);
    return out;
  };
}

function withEnum(convert: Convert, values: (string | number)[] | undefined): Convert {
  if (!values) return convert;
  const allowed = new Set(values);
  const expected = describeChoices(values);
  return (raw, loc, errors) => {
    const value = convert(raw, loc, errors);
    if (value === undefined || allowed.has(value as string | number)) return value;
    errors.push({ type: 'enum', loc, msg: `Input should be ${expected}`, input: raw, ctx: { expected } });
    return undefined;
  };
}

function describeChoices(values: (string | number)[]): string {
  const quoted = values.map((v) => (typeof v === 'string' ? `'${v}'` : String(v)));
  return quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

// Up to 15 digits is always a safe integer. Path and query ids are mostly such plain digit
// strings, and reading them by hand costs a fraction of the regex test and Number() below.
function plainDigits(raw: string): number | undefined {
  const length = raw.length;
  if (length === 0 || length > 15) return undefined;
  let value = 0;
  for (let i = 0; i < length; i++) {
    const digit = raw.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return undefined;
    value = value * 10 + digit;
  }
  return value;
}

const NUMBER = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;
const INTEGER = /^\s*[+-]?\d+\s*$/;
const TRUE = new Set(['true', '1', 'yes', 'on', 't', 'y']);
const FALSE = new Set(['false', '0', 'no', 'off', 'f', 'n']);

// Messages and types follow pydantic, so clients written against FastAPI read them unchanged.
const CONVERTERS: Record<CoercionPlan['scalar'], Convert> = {
  string: (raw) => raw,
  number(raw, loc, errors) {
    if (NUMBER.test(raw)) return Number(raw);
    errors.push({ type: 'float_parsing', loc, msg: 'Input should be a valid number, unable to parse string as a number', input: raw });
    return undefined;
  },
  integer(raw, loc, errors) {
    const plain = plainDigits(raw);
    if (plain !== undefined) return plain;
    if (INTEGER.test(raw)) {
      const value = Number(raw);
      if (Number.isSafeInteger(value)) return value;
    }
    errors.push({ type: 'int_parsing', loc, msg: 'Input should be a valid integer, unable to parse string as an integer', input: raw });
    return undefined;
  },
  boolean(raw, loc, errors) {
    const lower = raw.toLowerCase();
    if (TRUE.has(lower)) return true;
    if (FALSE.has(lower)) return false;
    errors.push({ type: 'bool_parsing', loc, msg: 'Input should be a valid boolean, unable to interpret input', input: raw });
    return undefined;
  },
  date(raw, loc, errors) {
    const value = /^\d+$/.test(raw) ? new Date(Number(raw) * 1000) : new Date(raw);
    if (raw !== '' && !Number.isNaN(value.getTime())) return value;
    errors.push({ type: 'datetime_parsing', loc, msg: 'Input should be a valid datetime', input: raw });
    return undefined;
  },
};
