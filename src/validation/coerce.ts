import type { ConstraintOptions, ParamOptions, ScalarType, SourceDefault } from '../metadata/records.js';
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
  /** Used when the value is absent (the `default` option). */
  default?: unknown;
  /** The default shown in the documentation: the option's, or a literal JavaScript default. */
  shownDefault?: unknown;
  constraints: Constraints;
}

/** FastAPI's `Query(gt=…, min_length=…, pattern=…)`, checked after conversion: the options' constraints, the pattern compiled. */
export type Constraints = Pick<ParamOptions, 'gt' | 'ge' | 'lt' | 'le' | 'multipleOf' | 'minLength' | 'maxLength'> & { pattern?: RegExp };

type PlanOptions = Omit<ParamOptions, 'type'> & { type?: unknown };

/**
 * What a parameter coerces to. A JavaScript default in the source (`limit = 10`) makes it
 * optional: an absent value is passed as `undefined`, so JavaScript applies the default itself.
 */
export function planCoercion(options: PlanOptions, designType: unknown, defaultRequired = true, sourceDefault?: SourceDefault): CoercionPlan {
  const declared: unknown = options.type ?? designType;
  const list = Array.isArray(declared) || declared === Array;
  const element = Array.isArray(declared) ? declared[0] : list ? String : declared;
  const enumValues = options.enum ? enumList(options.enum) : undefined;
  const hasDefault = 'default' in options;
  return {
    scalar: scalarOf(element as ScalarType | undefined, options.integer === true, enumValues),
    list,
    enumValues,
    required: hasDefault || sourceDefault ? false : (options.required ?? defaultRequired),
    default: options.default,
    shownDefault: hasDefault ? options.default : sourceDefault?.literal ? sourceDefault.value : undefined,
    constraints: constraintsOf(options),
  };
}

/** The plan of a decorated parameter, its JavaScript default included. */
export function planParam(spec: { options: PlanOptions; type: unknown; sourceDefault?: SourceDefault }): CoercionPlan {
  return planCoercion(spec.options, spec.type, true, spec.sourceDefault);
}

function constraintsOf(options: PlanOptions): Constraints {
  const out: Constraints = {};
  for (const key of ['gt', 'ge', 'lt', 'le', 'multipleOf', 'minLength', 'maxLength'] as const) {
    if (options[key] !== undefined) out[key] = options[key];
  }
  if (options.pattern !== undefined) out.pattern = typeof options.pattern === 'string' ? new RegExp(options.pattern, 'u') : options.pattern;
  return out;
}

/** Whether the options constrain the value (`integer`, `gt`, …, `pattern`): what makes a keyed body value a checked scalar. */
export function hasConstraints(options: ConstraintOptions): boolean {
  return options.integer === true || NUMERIC.some((key) => options[key] !== undefined) || TEXTUAL.some((key) => options[key] !== undefined);
}

const NUMERIC = ['gt', 'ge', 'lt', 'le', 'multipleOf'] as const;
const TEXTUAL = ['minLength', 'maxLength', 'pattern'] as const;

/** Why the constraints cannot apply to the plan's type, for a bootstrap error; undefined when they can. */
export function constraintMismatch(plan: CoercionPlan): string | undefined {
  const c = plan.constraints;
  const numeric = plan.scalar === 'number' || plan.scalar === 'integer';
  const misplacedNumeric = NUMERIC.find((key) => c[key] !== undefined && !numeric);
  if (misplacedNumeric) return `${misplacedNumeric} applies to numbers, not to a ${plan.scalar}`;
  const misplacedText = TEXTUAL.find((key) => c[key] !== undefined && plan.scalar !== 'string' && !(plan.list && key !== 'pattern'));
  if (misplacedText) return `${misplacedText} applies to strings${misplacedText === 'pattern' ? '' : ' and lists'}, not to a ${plan.scalar}`;
  for (const key of [...NUMERIC, 'minLength', 'maxLength'] as const) {
    if (c[key] !== undefined && !Number.isFinite(c[key])) return `${key} must be a finite number`;
  }
  if (c.multipleOf !== undefined && c.multipleOf <= 0) return 'multipleOf must be greater than 0';
  return undefined;
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
  const { required, list } = plan;
  const { minLength, maxLength, ...itemConstraints } = plan.constraints;
  // On a list, the lengths bound the number of items (pydantic's too_short/too_long).
  const convert = withConstraints(withEnum(CONVERTERS[plan.scalar], plan.enumValues), list ? itemConstraints : plan.constraints);
  const checkCount = list && (minLength !== undefined || maxLength !== undefined) ? countCheck(minLength, maxLength) : undefined;
  const fallback = plan.default;
  return function coerce(raw, loc, errors) {
    if (raw === undefined || (list && Array.isArray(raw) && raw.length === 0)) {
      if (required) errors.push({ type: 'missing', loc, msg: 'Field required', input: null });
      return fallback;
    }
    if (!list) return convert(Array.isArray(raw) ? raw[raw.length - 1] : raw, loc, errors);
    const items = Array.isArray(raw) ? raw : [raw];
    if (checkCount && !checkCount(items, loc, errors)) return undefined;
    const out = new Array(items.length);
    for (let i = 0; i < items.length; i++) out[i] = convert(items[i], [...loc, i], errors);
    return out;
  };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function countCheck(min: number | undefined, max: number | undefined) {
  return (items: string[], loc: Loc, errors: ErrorSink): boolean => {
    const actual = items.length;
    if (min !== undefined && actual < min) {
      const msg = `List should have at least ${plural(min, 'item')} after validation, not ${actual}`;
      errors.push({ type: 'too_short', loc, msg, input: items, ctx: { field_type: 'List', min_length: min, actual_length: actual } });
      return false;
    }
    if (max !== undefined && actual > max) {
      const msg = `List should have at most ${plural(max, 'item')} after validation, not ${actual}`;
      errors.push({ type: 'too_long', loc, msg, input: items, ctx: { field_type: 'List', max_length: max, actual_length: actual } });
      return false;
    }
    return true;
  };
}

type Check = (value: never, raw: string, loc: Loc, errors: ErrorSink) => boolean;

// pydantic's checks, in its order, with its error types, messages and ctx; the input
// reported is the raw string, as FastAPI reports it.
function numberChecks(c: Constraints): Check[] {
  const checks: Check[] = [];
  const fail = (type: string, msg: string, ctx: Record<string, unknown>) => (raw: string, loc: Loc, errors: ErrorSink) => {
    errors.push({ type, loc, msg, input: raw, ctx });
    return false;
  };
  const { gt, ge, lt, le, multipleOf } = c;
  if (multipleOf !== undefined) {
    const failed = fail('multiple_of', `Input should be a multiple of ${multipleOf}`, { multiple_of: multipleOf });
    checks.push((value: number, raw, loc, errors) => isMultiple(value, multipleOf) || failed(raw, loc, errors));
  }
  if (le !== undefined) {
    const failed = fail('less_than_equal', `Input should be less than or equal to ${le}`, { le });
    checks.push((value: number, raw, loc, errors) => value <= le || failed(raw, loc, errors));
  }
  if (lt !== undefined) {
    const failed = fail('less_than', `Input should be less than ${lt}`, { lt });
    checks.push((value: number, raw, loc, errors) => value < lt || failed(raw, loc, errors));
  }
  if (ge !== undefined) {
    const failed = fail('greater_than_equal', `Input should be greater than or equal to ${ge}`, { ge });
    checks.push((value: number, raw, loc, errors) => value >= ge || failed(raw, loc, errors));
  }
  if (gt !== undefined) {
    const failed = fail('greater_than', `Input should be greater than ${gt}`, { gt });
    checks.push((value: number, raw, loc, errors) => value > gt || failed(raw, loc, errors));
  }
  return checks;
}

// Floating point: 0.3 is a multiple of 0.1 although 0.3 % 0.1 is not 0.
function isMultiple(value: number, of: number): boolean {
  const quotient = value / of;
  return Math.abs(quotient - Math.round(quotient)) <= 1e-9 * Math.max(1, Math.abs(quotient));
}

function stringChecks(c: Constraints): Check[] {
  const checks: Check[] = [];
  const { minLength, maxLength, pattern } = c;
  // pydantic counts characters (code points), not UTF-16 units.
  const length = (value: string): number => {
    let n = value.length;
    for (let i = 0; i < value.length - 1; i++) {
      const unit = value.charCodeAt(i);
      if (unit >= 0xd800 && unit <= 0xdbff && (value.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        n--;
        i++;
      }
    }
    return n;
  };
  if (minLength !== undefined) {
    const msg = `String should have at least ${plural(minLength, 'character')}`;
    checks.push((value: string, raw, loc, errors) => {
      if (length(value) >= minLength) return true;
      errors.push({ type: 'string_too_short', loc, msg, input: raw, ctx: { min_length: minLength } });
      return false;
    });
  }
  if (maxLength !== undefined) {
    const msg = `String should have at most ${plural(maxLength, 'character')}`;
    checks.push((value: string, raw, loc, errors) => {
      if (length(value) <= maxLength) return true;
      errors.push({ type: 'string_too_long', loc, msg, input: raw, ctx: { max_length: maxLength } });
      return false;
    });
  }
  if (pattern !== undefined) {
    // A global or sticky regex keeps state between tests; a copy without those flags does not.
    const regex = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
    const msg = `String should match pattern '${pattern.source}'`;
    checks.push((value: string, raw, loc, errors) => {
      if (regex.test(value)) return true;
      errors.push({ type: 'string_pattern_mismatch', loc, msg, input: raw, ctx: { pattern: pattern.source } });
      return false;
    });
  }
  return checks;
}

/**
 * The constraint checks alone, for a value that already has its type (a singular JSON body
 * value): the input reported is the value itself. Undefined when there is nothing to check.
 */
export function compileConstraintCheck(constraints: Constraints): ((value: unknown, loc: Loc, errors: ErrorSink) => boolean) | undefined {
  const passes = allChecks(constraints);
  return passes && ((value, loc, errors) => passes(value, value as string, loc, errors));
}

function withConstraints(convert: Convert, constraints: Constraints): Convert {
  const passes = allChecks(constraints);
  if (!passes) return convert;
  return (raw, loc, errors) => {
    const value = convert(raw, loc, errors);
    return value === undefined || !passes(value, raw, loc, errors) ? undefined : value;
  };
}

// The numeric and textual checks in one function, run in order until one fails; undefined when there are none.
function allChecks(constraints: Constraints): ((value: unknown, raw: string, loc: Loc, errors: ErrorSink) => boolean) | undefined {
  const checks = [...numberChecks(constraints), ...stringChecks(constraints)];
  const count = checks.length;
  if (count === 0) return undefined;
  return (value, raw, loc, errors) => {
    for (let i = 0; i < count; i++) if (!checks[i](value as never, raw, loc, errors)) return false;
    return true;
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
