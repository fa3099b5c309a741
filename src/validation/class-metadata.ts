import type { getMetadataStorage } from 'class-validator';
import { classTransformerStorage, classValidator, type TypeRecord } from './libraries.js';

/** One class-validator record: a decorator on a property. */
export type ValidationMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

// Readers of the two libraries' metadata stores, for compiling DTOs at bootstrap.

export interface ConstraintRecord {
  name: string;
  async: boolean;
  instance: { validate(value: unknown, args: unknown): unknown };
}

/** The class and its ancestors, nearest first. */
function lineage(cls: Function): Function[] {
  const out: Function[] = [];
  for (let c: unknown = cls; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c)) out.push(c as Function);
  return out;
}

/** class-validator's records for a class, as its own executor asks for them (no groups). */
export function validationRecords(cls: Function): ValidationMetadata[] {
  return classValidator().getMetadataStorage().getTargetValidationMetadatas(cls, '', false, false);
}

/** Every property a class declares with a class-validator decorator, groups or not. */
export function declaredFields(cls: Function): string[] {
  const records = classValidator().getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false);
  return [...new Set(records.map((r) => r.propertyName))];
}

export function constraintsOf(constraintCls: Function): ConstraintRecord[] {
  return classValidator().getMetadataStorage().getTargetValidatorConstraints(constraintCls) as unknown as ConstraintRecord[];
}

/** Whether class-transformer would do more for `cls` than copy keys and follow @Type() to classes. */
export function hasCustomTransforms(cls: Function): boolean {
  const store = classTransformerStorage();
  return lineage(cls).some((c) => store._transformMetadatas.has(c) || store._exposeMetadatas.has(c) || store._excludeMetadatas.has(c));
}

/** Properties of `cls` (and ancestors) with a @Type() record. */
export function typedProperties(cls: Function): Map<string, TypeRecord> {
  const out = new Map<string, TypeRecord>();
  for (const c of lineage(cls).reverse()) {
    for (const [property, record] of classTransformerStorage()._typeMetadatas.get(c) ?? []) out.set(property, record);
  }
  return out;
}

export function typeOf(cls: Function, property: string): TypeRecord | undefined {
  return classTransformerStorage().findTypeMetadata(cls, property);
}

/** Whether `property` of `cls` carries the class-validator check named `name` (`isInt`, …). */
export function hasCheck(cls: Function, property: string, name: string): boolean {
  return validationRecords(cls).some((r) => r.propertyName === property && r.name === name);
}
