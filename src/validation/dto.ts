import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import type { ErrorDetail, Loc } from './errors.js';

/** How a DTO treats properties it does not declare. */
export interface DtoOptions {
  /** Strip properties without a class-validator decorator (default false). */
  whitelist?: boolean;
  /** Reject properties without a class-validator decorator with a 422 (default false). */
  forbidUnknown?: boolean;
}

export type DtoResult = { value: unknown; errors?: undefined } | { value?: undefined; errors: ErrorDetail[] };
export type DtoValidator = (input: unknown, loc: Loc) => Promise<DtoResult>;

type Constructor = new () => object;

/**
 * Builds the validator of one DTO class once: class-transformer turns the plain value into
 * an instance, class-validator checks it, and failures come back in FastAPI's shape.
 */
export function compileDto(dto: Function, options: DtoOptions = {}): DtoValidator {
  const validatorOptions = {
    whitelist: options.whitelist === true || options.forbidUnknown === true,
    forbidNonWhitelisted: options.forbidUnknown === true,
    validationError: { target: false, value: true },
  };
  return async function validateDto(input, loc) {
    if (input === null || typeof input !== 'object' || Array.isArray(input)) {
      return { errors: [{ type: 'model_attributes_type', loc, msg: 'Input should be a valid dictionary or object', input }] };
    }
    const instance = plainToInstance(dto as Constructor, input) as object;
    const failures = await validate(instance, validatorOptions);
    if (failures.length === 0) return { value: instance };
    const errors: ErrorDetail[] = [];
    collect(failures, loc, input, errors);
    return { errors };
  };
}

function collect(failures: ValidationError[], loc: Loc, parentInput: unknown, out: ErrorDetail[]): void {
  for (const failure of failures) {
    const key = /^\d+$/.test(failure.property) && Array.isArray(parentInput) ? Number(failure.property) : failure.property;
    const here = [...loc, key];
    const input = failure.value;
    if (failure.constraints) {
      out.push(toDetail(failure.constraints, here, input, parentInput, failure.property));
    }
    if (failure.children?.length) collect(failure.children, here, rawChild(parentInput, failure.property), out);
  }
}

function rawChild(parent: unknown, property: string): unknown {
  return parent !== null && typeof parent === 'object' ? (parent as Record<string, unknown>)[property] : undefined;
}

// One entry per field, as FastAPI reports one error per location; the first constraint is the
// most specific one class-validator ran.
function toDetail(constraints: Record<string, string>, loc: Loc, input: unknown, parent: unknown, property: string): ErrorDetail {
  const [name, message] = Object.entries(constraints)[0];
  const absent = parent === null || typeof parent !== 'object' || !(property in (parent as object));
  if (name === 'whitelistValidation') {
    return { type: 'extra_forbidden', loc, msg: 'Extra inputs are not permitted', input };
  }
  if (absent && input === undefined) {
    return { type: 'missing', loc, msg: 'Field required', input: null };
  }
  return { type: TYPE_NAMES[name] ?? snake(name), loc, msg: message, input, ctx: { constraint: name } };
}

// FastAPI (pydantic) names for the class-validator constraints users meet most.
const TYPE_NAMES: Record<string, string> = {
  isString: 'string_type',
  isNumber: 'float_type',
  isInt: 'int_type',
  isBoolean: 'bool_type',
  isDate: 'datetime_type',
  isArray: 'list_type',
  isEnum: 'enum',
  isIn: 'enum',
  isDefined: 'missing',
  isNotEmpty: 'string_too_short',
  minLength: 'string_too_short',
  maxLength: 'string_too_long',
  min: 'greater_than_equal',
  max: 'less_than_equal',
  arrayMinSize: 'too_short',
  arrayMaxSize: 'too_long',
  matches: 'string_pattern_mismatch',
  isEmail: 'value_error',
  nestedValidation: 'model_attributes_type',
};

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
