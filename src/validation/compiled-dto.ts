import { constraintsOf, typedProperties, type ValidationMetadata } from './class-metadata.js';
import { compileChecks, recordsByProperty, type CheckOptions, type ValidPredicate } from './compiled-checks.js';
import { compileTransform, copyPlain, skipped, toType } from './fast-transform.js';

/**
 * Builds the DTO instance from parsed JSON and checks it in one generated function: the
 * instance when class-validator would find no error in it, undefined otherwise (the caller then
 * asks class-validator for the error report).
 */
export type CompiledDto = (plain: object) => object | undefined;

// Mirrors ValidationExecutor: conditions gate a property, then its IsDefined checks, its other
// constraints and its nested objects; any failure answers `undefined` (the caller re-runs
// class-validator for the report, so only valid input must be decided exactly here).

const generated = new Map<string, Map<Function, CompiledDto | null>>();
const nestedChecks = new Map<string, Map<Function, ValidPredicate | null>>();

const keyOf = (options: CheckOptions) => `${options.whitelist}/${options.forbidNonWhitelisted}`;

function cached<T>(store: Map<string, Map<Function, T | null>>, cls: Function, options: CheckOptions, make: () => T | undefined): T | undefined {
  let byClass = store.get(keyOf(options));
  if (!byClass) store.set(keyOf(options), (byClass = new Map()));
  if (byClass.has(cls)) return byClass.get(cls) ?? undefined;
  byClass.set(cls, null);
  const made = make();
  byClass.set(cls, made ?? null);
  return made;
}

/**
 * Generates, once per class and options, the function that turns a parsed JSON object into an
 * instance of `cls` and checks it: the same instance `plainToInstance` builds (keys in the
 * input's order, nested `@Type()` classes, plain copies of everything else), the same verdict
 * `validate()` reaches. Undefined when the class uses something only the libraries themselves
 * run faithfully (custom transforms, groups, async validators, a constructor that sets
 * undeclared properties under whitelisting).
 */
export function compileDtoFunction(cls: Function, options: CheckOptions): CompiledDto | undefined {
  return cached(generated, cls, options, () => generate(cls, options, 'validate'));
}

/** The check of an instance nested in a DTO: generated when possible, else the closure-built one. */
function checkOfClass(cls: Function, options: CheckOptions): ValidPredicate | undefined {
  return cached(nestedChecks, cls, options, () => (generate(cls, options, 'check') as ValidPredicate | undefined) ?? compileChecks(cls, options));
}

/** A nested value as class-validator's nestedValidations sees it. */
function nestedValid(value: unknown, options: CheckOptions): boolean {
  if (value === undefined) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!nestedValid(value[i], options)) return false;
    return true;
  }
  if (value instanceof Set || value instanceof Map) {
    for (const item of value.values()) if (!nestedValid(item, options)) return false;
    return true;
  }
  if (!(value instanceof Object)) return false;
  const check = checkOfClass(value.constructor, options);
  return check !== undefined && check(value);
}

// class-validator treats a validator's promise as an asynchronous answer: leave it to class-validator.
function isPromise(value: unknown): boolean {
  return value !== null && typeof value === 'object' && typeof (value as { then?: unknown }).then === 'function';
}

/** The generated code's bindings: each constant it uses is one parameter of the factory. */
class Constants {
  readonly names: string[] = [];
  readonly values: unknown[] = [];
  private readonly known = new Map<unknown, string>();

  add(value: unknown): string {
    const known = this.known.get(value);
    if (known !== undefined) return known;
    const name = `k${this.values.length}`;
    this.names.push(name);
    this.values.push(value);
    this.known.set(value, name);
    return name;
  }
}

function generate(cls: Function, options: CheckOptions, kind: 'validate' | 'check'): CompiledDto | undefined {
  if (kind === 'validate' && !compileTransform(cls)) return undefined;
  const byProperty = recordsByProperty(cls);
  if (byProperty === undefined || byProperty.size === 0) return undefined;
  const Ctor = cls as new () => Record<string, unknown>;
  let probe: Record<string, unknown>;
  try {
    probe = new Ctor();
  } catch {
    return undefined;
  }
  // Whitelisting also strips what the constructor set; the generated code only skips input keys.
  if (options.whitelist && Object.keys(probe).some((key) => !byProperty.has(key))) return undefined;

  const k = new Constants();
  const fail = kind === 'validate' ? 'undefined' : 'false';
  const lines: string[] = [];
  if (kind === 'validate') {
    lines.push(...buildLines(cls, probe, byProperty, options, k));
  } else if (options.whitelist) {
    const declared = k.add(new Set(byProperty.keys()));
    lines.push(
      'const own = Object.keys(o);',
      'for (let i = 0; i < own.length; i++) {',
      `  if (${declared}.has(own[i])) continue;`,
      options.forbidNonWhitelisted ? `  return ${fail};` : '  delete o[own[i]];',
      '}',
    );
  }
  const targetName = (probe.constructor as Function | undefined)?.name;
  for (const [name, list] of byProperty) {
    const checks = propertyLines(name, list, targetName, options, k, fail);
    if (!checks) return undefined;
    lines.push(...checks);
  }
  lines.push(kind === 'validate' ? 'return o;' : 'return true;');
  const fnName = `${kind}${cls.name.replace(/[^\w$]/g, '_')}`;
  const body = `return function ${fnName}(${kind === 'validate' ? 'src' : 'o'}) {\n  ${lines.join('\n  ')}\n};`;
  // The one place Zigmund writes code at run time: at bootstrap, from the class's own metadata,
  // with every name and value passed in as a constant, never spliced in as text.
  const factory = new Function(...k.names, body) as (...values: unknown[]) => CompiledDto;
  return factory(...k.values);
}

/** The transform: a new instance, every input key copied in order as class-transformer does. */
function buildLines(cls: Function, probe: Record<string, unknown>, byProperty: Map<string, unknown>, options: CheckOptions, k: Constants): string[] {
  const Ctor = k.add(cls);
  const prototype = k.add(cls.prototype);
  const isSkipped = k.add(skipped);
  const copy = k.add(copyPlain);
  const typed = typedProperties(cls);
  const names = new Set([...byProperty.keys(), ...(options.whitelist ? [] : typed.keys())]);
  const lines = ['const o = new ' + Ctor + '();', 'const keys = Object.keys(src);', 'for (let i = 0; i < keys.length; i++) {', '  const key = keys[i];', '  switch (key) {'];
  for (const name of names) {
    // Keys the transform would skip on this class stay with the generic branch below.
    if (skipped(probe, cls.prototype as object, name)) continue;
    const literal = JSON.stringify(name);
    const type = typed.get(name)?.typeFunction?.();
    lines.push(`    case ${literal}: {`, '      const v = src[key];');
    if (typeof type === 'function') {
      lines.push(`      o[${literal}] = ${k.add(toType)}(v, ${k.add(type)});`);
    } else {
      lines.push(`      o[${literal}] = v === null || typeof v !== 'object' ? v : ${copy}(v);`);
    }
    lines.push('      break;', '    }');
  }
  lines.push('    default:');
  if (!options.whitelist) lines.push(`      if (!${isSkipped}(o, ${prototype}, key)) o[key] = ${copy}(src[key]);`);
  else if (options.forbidNonWhitelisted) lines.push(`      if (!${isSkipped}(o, ${prototype}, key)) return undefined;`);
  lines.push('  }', '}');
  return lines;
}

/** The checks of one property, in a block of their own; undefined when one cannot be compiled. */
function propertyLines(name: string, records: ValidationMetadata[], targetName: string | undefined, options: CheckOptions, k: Constants, fail: string): string[] | undefined {
  const literal = JSON.stringify(name);
  const conditions = records.filter((r) => r.type === 'conditionalValidation').map((r) =>
    // IsOptional's condition reads the property it decorates: the value in hand.
    r.name === 'isOptional' ? 'v !== null && v !== undefined' : `${k.add(r.constraints[0])}(o, v)`,
  );
  const inner: string[] = [];
  for (const record of [...records.filter((r) => r.type === 'isDefined'), ...records.filter((r) => r.type === 'customValidation')]) {
    const constraints = constraintsOf(record.constraintCls);
    if (constraints.some((c) => c.async)) return undefined;
    // One arguments object per constraint, refilled on each call: built-in validators read only these fields.
    const args = k.add({ targetName, property: record.propertyName, object: undefined, value: undefined, constraints: record.constraints });
    const block: string[] = [`${args}.object = o;`, `${args}.value = v;`];
    for (const constraint of constraints) {
      const validator = k.add(constraint.instance);
      const verdict = (item: string) => `r = ${validator}.validate(${item}, ${args}); if (!r || ${k.add(isPromise)}(r)) return ${fail};`;
      if (record.each) {
        block.push(
          'if (Array.isArray(v)) {',
          `  for (let i = 0; i < v.length; i++) { ${verdict('v[i]')} }`,
          '} else if (v instanceof Set || v instanceof Map) {',
          `  for (const item of v.values()) { ${verdict('item')} }`,
          `} else { ${verdict('v')} }`,
        );
      } else {
        block.push(verdict('v'));
      }
    }
    if (record.validateIf) inner.push(`if (${k.add(record.validateIf)}(o, v)) {`, ...block.map((l) => `  ${l}`), '}');
    else inner.push(...block);
  }
  if (records.some((r) => r.type === 'nestedValidation')) inner.push(`if (!${k.add(nestedValid)}(v, ${k.add(options)})) return ${fail};`);
  if (inner.length === 0) return [];
  const lines = ['{', `  const v = o[${literal}];`, '  let r;'];
  if (conditions.length > 0) lines.push(`  if (${conditions.map((c) => `(${c})`).join(' && ')}) {`, ...inner.map((l) => `    ${l}`), '  }');
  else lines.push(...inner.map((l) => `  ${l}`));
  lines.push('}');
  return lines;
}
