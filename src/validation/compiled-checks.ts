import { constraintsOf, validationRecords, type ValidationMetadata } from './class-metadata.js';

/**
 * Says whether class-validator would find no error in `instance`, without building its error
 * tree; like class-validator, strips undeclared properties when whitelisting.
 */
export type ValidPredicate = (instance: object) => boolean;

export interface CheckOptions {
  whitelist: boolean;
  forbidNonWhitelisted: boolean;
}

type Check = (object: object, value: unknown) => boolean;

const SUPPORTED = new Set(['customValidation', 'conditionalValidation', 'nestedValidation', 'isDefined', 'whitelistValidation']);

/**
 * class-validator's records of `cls`, by property, in declaration order; `undefined` when one
 * uses what compiled checks do not cover (validation groups, an unsupported record type).
 */
export function recordsByProperty(cls: Function): Map<string, ValidationMetadata[]> | undefined {
  const records = validationRecords(cls);
  if (records.some((r) => (r.groups?.length ?? 0) > 0 || !SUPPORTED.has(r.type))) return undefined;
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const record of records) {
    const list = byProperty.get(record.propertyName) ?? [];
    list.push(record);
    byProperty.set(record.propertyName, list);
  }
  return byProperty;
}

const cache = new Map<string, Map<Function, ValidPredicate | null>>();

/**
 * Compiles class-validator's metadata of `cls` into straight-line checks, once. Returns
 * undefined when a feature is used that only class-validator itself runs faithfully
 * (groups, async validators, promise validation).
 */
export function compileChecks(cls: Function, options: CheckOptions): ValidPredicate | undefined {
  const key = `${options.whitelist}/${options.forbidNonWhitelisted}`;
  let byClass = cache.get(key);
  if (!byClass) cache.set(key, (byClass = new Map()));
  if (byClass.has(cls)) return byClass.get(cls) ?? undefined;
  // Nested classes are looked up when a value is checked, so self-referencing DTOs compile.
  const compiled = build(cls, options);
  byClass.set(cls, compiled ?? null);
  return compiled;
}

function build(cls: Function, options: CheckOptions): ValidPredicate | undefined {
  const byProperty = recordsByProperty(cls);
  if (byProperty === undefined) return undefined;
  // class-validator reports an object whose class declares nothing as an unknown value.
  if (byProperty.size === 0) return () => false;
  const properties: { name: string; check: Check }[] = [];
  for (const [name, list] of byProperty) {
    const check = propertyCheck(list, options);
    if (!check) return undefined;
    properties.push({ name, check });
  }
  const declared = new Set(byProperty.keys());
  const count = properties.length;
  return function isValid(instance) {
    const object = instance as Record<string, unknown>;
    if (options.whitelist && !applyWhitelist(object, declared, options.forbidNonWhitelisted)) return false;
    for (let i = 0; i < count; i++) {
      const property = properties[i];
      if (!property.check(object, object[property.name])) return false;
    }
    return true;
  };
}

function applyWhitelist(object: Record<string, unknown>, declared: Set<string>, forbid: boolean): boolean {
  for (const key of Object.keys(object)) {
    if (declared.has(key)) continue;
    if (forbid) return false;
    delete object[key];
  }
  return true;
}

// Mirrors ValidationExecutor.performValidations: conditions gate everything, then the
// IsDefined checks, the other constraints in declaration order, and nested objects.
function propertyCheck(records: ValidationMetadata[], options: CheckOptions): Check | undefined {
  const conditions = records.filter((r) => r.type === 'conditionalValidation').map((r) => r.constraints[0] as (o: object, v: unknown) => boolean);
  const constraintChecks: Check[] = [];
  for (const record of [...records.filter((r) => r.type === 'isDefined'), ...records.filter((r) => r.type === 'customValidation')]) {
    const check = constraintCheck(record);
    if (!check) return undefined;
    constraintChecks.push(check);
  }
  const nested = records.some((r) => r.type === 'nestedValidation') ? nestedCheck(options) : undefined;
  return function checkProperty(object, value) {
    for (const condition of conditions) if (!condition(object, value)) return true;
    for (const check of constraintChecks) if (!check(object, value)) return false;
    return nested === undefined || nested(object, value);
  };
}

function constraintCheck(record: ValidationMetadata): Check | undefined {
  const constraints = constraintsOf(record.constraintCls);
  if (constraints.some((c) => c.async)) return undefined;
  const validators = constraints.map((c) => c.instance);
  const each = record.each;
  const validateIf = record.validateIf;
  // Built-in validators are synchronous and read only these fields: one arguments object per
  // constraint, refilled on each call, spares an allocation per check.
  const args = { targetName: '', property: record.propertyName, object: {} as object, value: undefined as unknown, constraints: record.constraints };
  return function checkConstraint(object, value) {
    if (validateIf && !validateIf(object, value)) return true;
    args.targetName = object.constructor?.name ?? '';
    args.object = object;
    args.value = value;
    for (const validator of validators) {
      if (each && (Array.isArray(value) || value instanceof Set || value instanceof Map)) {
        for (const item of Array.isArray(value) ? value : [...value.values()]) if (!validator.validate(item, args)) return false;
      } else if (!validator.validate(value, args)) return false;
    }
    return true;
  };
}

function nestedCheck(options: CheckOptions): Check {
  const checkValue = (value: unknown): boolean => {
    if (value === undefined) return true;
    if (Array.isArray(value) || value instanceof Set || value instanceof Map) {
      for (const item of Array.isArray(value) ? value : [...value.values()]) if (!checkValue(item)) return false;
      return true;
    }
    if (!(value instanceof Object)) return false;
    const predicate = compileChecks(value.constructor, options);
    return predicate === undefined ? false : predicate(value);
  };
  return (_object, value) => checkValue(value);
}
