import { hasCustomTransforms, typedProperties } from './class-metadata.js';

/** Turns a parsed JSON value into an instance of a DTO class, as class-transformer's plainToInstance does. */
export type FastTransform = (plain: object) => object;

const NOT_CLASSES = new Set<unknown>([String, Number, Boolean, Date, Buffer, Map, Set, Array, Object, Promise]);
const compiled = new Map<Function, FastTransform | null>();

/**
 * Compiles the transform of `cls` once, or returns undefined when class-transformer must do it
 * (@Transform, @Expose, @Exclude, @Type() to something other than a plain class, discriminators,
 * Set or Map properties). For JSON input the result equals `plainToInstance(cls, plain)`.
 */
export function compileTransform(cls: Function): FastTransform | undefined {
  if (compiled.has(cls)) return compiled.get(cls) ?? undefined;
  compiled.set(cls, null);
  const result = build(cls);
  compiled.set(cls, result ?? null);
  return result;
}

function build(cls: Function): FastTransform | undefined {
  if (hasCustomTransforms(cls)) return undefined;
  const nested = new Map<string, Function>();
  for (const [property, record] of typedProperties(cls)) {
    if (record.options?.discriminator) return undefined;
    if (record.reflectedType === Set || record.reflectedType === Map) return undefined;
    const type = record.typeFunction?.();
    if (typeof type !== 'function' || NOT_CLASSES.has(type)) return undefined;
    nested.set(property, type);
  }
  for (const type of nested.values()) if (type !== cls && !compileTransform(type)) return undefined;
  const Ctor = cls as new () => Record<string, unknown>;
  const prototype = cls.prototype as object;
  return function transformToInstance(plain) {
    const instance = new Ctor();
    const source = plain as Record<string, unknown>;
    for (const key of Object.keys(source)) {
      if (skipped(instance, prototype, key)) continue;
      const type = nested.get(key);
      instance[key] = type ? toType(source[key], type) : copyPlain(source[key]);
    }
    return instance;
  };
}

/** Whether class-transformer leaves `key` unwritten: prototype keys, getters without setters, and methods. */
export function skipped(target: Record<string, unknown>, prototype: object, key: string): boolean {
  if (key === '__proto__' || key === 'constructor') return true;
  const descriptor = Object.getOwnPropertyDescriptor(prototype, key);
  return (descriptor !== undefined && descriptor.set === undefined) || typeof target[key] === 'function';
}

/** A value of a `@Type(() => type)` property, as class-transformer converts it. */
export function toType(value: unknown, type: Function): unknown {
  if (Array.isArray(value)) return value.map((item) => toType(item, type));
  if (value === null || typeof value !== 'object') return value;
  return compileTransform(type)!(value);
}

const PLAIN_PROTOTYPE = Object.prototype;

/** A deep copy of plain JSON, as class-transformer makes of a property without `@Type()`. */
export function copyPlain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copyPlain);
  const out: Record<string, unknown> = {};
  const source = value as Record<string, unknown>;
  for (const key of Object.keys(source)) {
    if (skipped(out, PLAIN_PROTOTYPE, key)) continue;
    out[key] = copyPlain(source[key]);
  }
  return out;
}
