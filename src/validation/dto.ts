import type { ValidationError } from 'class-validator';
import { declaredFields } from './class-metadata.js';
import { compileChecks } from './compiled-checks.js';
import { compileDtoFunction } from './compiled-dto.js';
import type { ErrorDetail, Loc } from './errors.js';
import { compileTransform } from './fast-transform.js';
import { classTransformer, classValidator } from './libraries.js';

/** How a DTO treats properties it does not declare. */
export interface DtoOptions {
  /** Strip properties without a class-validator decorator (default false). */
  whitelist?: boolean;
  /** Reject properties without a class-validator decorator with a 422 (default false). */
  forbidUnknown?: boolean;
}

export type DtoResult = { value: unknown; errors?: undefined } | { value?: undefined; errors: ErrorDetail[] };
/** Validates one value; synchronous on the compiled path, a promise when class-validator runs. */
export type DtoValidator = (input: unknown, loc: Loc) => DtoResult | Promise<DtoResult>;

type Constructor = new () => object;

/**
 * Builds the validator of one DTO class once. Valid input takes the compiled path: one function
 * generated from the class's metadata that builds the instance and checks it, no promise (or,
 * for classes it does not cover, a compiled transform and closure-built checks).
 * Anything else, and DTOs using features the compiled path does not cover, go through
 * class-transformer + class-validator, whose errors come back in FastAPI's shape.
 */
export function compileDto(dto: Function, options: DtoOptions = {}): DtoValidator {
  if (declaredFields(dto).length === 0) return plainClass(dto, options);
  const fastTransform = compileTransform(dto);
  // class-transformer throws on some hostile JSON (a nested `{"constructor": null}`); the
  // compiled transform skips those keys as class-transformer means to, so it serves both paths.
  const slow = validateWithClassValidator(dto, fastTransform ?? ((input) => classTransformer().plainToInstance(dto as Constructor, input)), options);
  const checkOptions = { whitelist: whitelists(options), forbidNonWhitelisted: options.forbidUnknown === true };
  const compiled = compileDtoFunction(dto, checkOptions);
  if (compiled) {
    return function validateDto(input, loc) {
      if (!isPlainObject(input)) return notAnObject(input, loc);
      const instance = compiled(input);
      return instance !== undefined ? { value: instance } : slow(input, loc);
    };
  }
  const isValid = fastTransform && compileChecks(dto, checkOptions);
  if (!fastTransform || !isValid) return slow;
  return function transformAndCheck(input, loc) {
    if (!isPlainObject(input)) return notAnObject(input, loc);
    const instance = fastTransform(input);
    return isValid(instance) ? { value: instance } : slow(input, loc);
  };
}

function validateWithClassValidator(dto: Function, transform: (input: object) => object, options: DtoOptions): DtoValidator {
  const validatorOptions = {
    whitelist: whitelists(options),
    forbidNonWhitelisted: options.forbidUnknown === true,
    validationError: { target: false, value: true },
  };
  return async function validateSlowly(input, loc) {
    if (!isPlainObject(input)) return notAnObject(input, loc);
    let instance: object;
    try {
      instance = transform(input);
    } catch {
      return { errors: [{ type: 'model_attributes_type', loc, msg: `Input could not be converted to ${dto.name}`, input }] };
    }
    const failures = await classValidator().validate(instance, validatorOptions);
    if (failures.length === 0) return { value: instance };
    const errors: ErrorDetail[] = [];
    collect(failures, loc, input, errors);
    return { errors };
  };
}

/**
 * A class without any class-validator decorator describes a plain typed object (the DTO a
 * TypeScript user writes first): any object is accepted as an instance of it, unchecked.
 * Whitelisting needs declared fields, so it is refused rather than silently dropping every key.
 */
function plainClass(dto: Function, options: DtoOptions): DtoValidator {
  if (whitelists(options)) {
    throw new Error(`${dto.name} declares no field with a class-validator decorator, so whitelist and forbidUnknown cannot tell its fields from extra ones`);
  }
  const transform = compileTransform(dto) ?? ((input: object) => classTransformer().plainToInstance(dto as Constructor, input));
  return function acceptPlainObject(input, loc) {
    if (!isPlainObject(input)) return notAnObject(input, loc);
    try {
      return { value: transform(input) };
    } catch {
      return { errors: [{ type: 'model_attributes_type', loc, msg: `Input could not be converted to ${dto.name}`, input }] };
    }
  };
}

const whitelists = (options: DtoOptions): boolean => options.whitelist === true || options.forbidUnknown === true;

function isPlainObject(input: unknown): input is object {
  return input !== null && typeof input === 'object' && !Array.isArray(input);
}

function notAnObject(input: unknown, loc: Loc): DtoResult {
  return { errors: [{ type: 'model_attributes_type', loc, msg: 'Input should be a valid dictionary or object to extract fields from', input }] };
}

/** class-validator's failures as FastAPI's error details, located under `loc`. */
export function toErrorDetails(failures: ValidationError[], loc: Loc, input: unknown): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  collect(failures, loc, input, out);
  return out;
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
