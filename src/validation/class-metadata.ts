import { createRequire } from 'node:module';
import type { getMetadataStorage } from 'class-validator';
import { classValidator } from './libraries.js';

/** One class-validator record: a decorator on a property. */
export type ValidationMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

// Readers of the two libraries' metadata stores, for compiling DTOs at bootstrap. class-transformer
// has no public reader, so its store is reached through its CommonJS build; both are pinned.

interface TypeRecord {
  typeFunction?: (options?: unknown) => unknown;
  reflectedType?: unknown;
  options?: { discriminator?: unknown };
}

interface TransformerStore {
  _typeMetadatas: Map<Function, Map<string, TypeRecord>>;
  _transformMetadatas: Map<Function, Map<string, unknown[]>>;
  _exposeMetadatas: Map<Function, Map<string, unknown>>;
  _excludeMetadatas: Map<Function, Map<string, unknown>>;
  findTypeMetadata(target: Function, property: string): TypeRecord | undefined;
}

let store: TransformerStore | undefined;
const transformerStore = (): TransformerStore =>
  (store ??= (createRequire(import.meta.url)('class-transformer/cjs/storage') as { defaultMetadataStorage: TransformerStore }).defaultMetadataStorage);

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
  return lineage(cls).some(
    (c) => transformerStore()._transformMetadatas.has(c) || transformerStore()._exposeMetadatas.has(c) || transformerStore()._excludeMetadatas.has(c),
  );
}

/** Properties of `cls` (and ancestors) with a @Type() record. */
export function typedProperties(cls: Function): Map<string, TypeRecord> {
  const out = new Map<string, TypeRecord>();
  for (const c of lineage(cls).reverse()) {
    for (const [property, record] of transformerStore()._typeMetadatas.get(c) ?? []) out.set(property, record);
  }
  return out;
}

export function typeOf(cls: Function, property: string): TypeRecord | undefined {
  return transformerStore().findTypeMetadata(cls, property);
}
