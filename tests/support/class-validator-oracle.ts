import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { DtoOptions, DtoResult } from '../../src/validation/dto.js';
import type { Loc } from '../../src/validation/errors.js';
import { toErrorDetails } from '../../src/validation/dto.js';

/**
 * What class-transformer and class-validator answer by themselves for a DTO: the oracle the
 * compiled path is held to. The instance is theirs; failures are put in FastAPI's shape by the
 * same `toErrorDetails` the framework uses, so the answers compare field by field.
 */
export async function classValidatorAnswer(dto: Function, input: unknown, loc: Loc, options: DtoOptions = {}): Promise<DtoResult> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { errors: [{ type: 'model_attributes_type', loc, msg: 'Input should be a valid dictionary or object to extract fields from', input }] };
  }
  let instance: object;
  try {
    instance = plainToInstance(dto as new () => object, input);
  } catch {
    return { errors: [{ type: 'model_attributes_type', loc, msg: `Input could not be converted to ${dto.name}`, input }] };
  }
  const failures = await validate(instance, {
    whitelist: options.whitelist === true || options.forbidUnknown === true,
    forbidNonWhitelisted: options.forbidUnknown === true,
    validationError: { target: false, value: true },
  });
  return failures.length === 0 ? { value: instance } : { errors: toErrorDetails(failures, loc, input) };
}
