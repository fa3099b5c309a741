import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRequire } from 'node:module';
import type { ScalarType } from '../metadata/records.js';
import { readPropertyType } from '../metadata/read.js';
import { classTransformer, classValidator } from '../validation/libraries.js';
import { declaredFields } from '../validation/class-metadata.js';
import { compileCoercer, planCoercion } from '../validation/coerce.js';
import { toErrorDetails } from '../validation/dto.js';
import type { ErrorDetail } from '../validation/errors.js';

/** Options of `loadSettings()`. */
export interface SettingsOptions {
  /** The dotenv file read beneath the environment (default `.env` in the working directory); `false` reads none. A missing file is skipped. */
  envFile?: string | false;
  /** Prepended to every variable name: `{ prefix: 'MYAPP_' }` reads `MYAPP_DATABASE_URL`. */
  prefix?: string;
  /** The environment (default `process.env`). */
  env?: Record<string, string | undefined>;
}

/** Settings that fail their class's validation; `errors` in FastAPI's shape, `loc` naming the variable. */
export class SettingsError extends Error {
  readonly code = 'SETTINGS_INVALID';

  constructor(readonly settings: string, readonly errors: ErrorDetail[]) {
    super(`${settings}: ${errors.map((e) => `${e.loc.join('.')}: ${e.msg}`).join('; ')}`);
    this.name = 'SettingsError';
  }
}

const SCALARS = new Set<unknown>([String, Number, Boolean, Date]);

/**
 * Reads a settings class from the environment, as pydantic-settings' `BaseSettings`: each
 * property with a class-validator decorator is read from its CONSTANT_CASE variable
 * (`databaseUrl` ← `DATABASE_URL`), the process environment winning over the `.env` file (read
 * with dotenv, never written into `process.env`), coerced to the property's type (arrays and
 * objects as JSON), then validated. Properties absent from both keep their initialiser.
 * @example const settings = loadSettings(Settings); // throws SettingsError when invalid
 */
export function loadSettings<T extends object>(cls: new () => T, options: SettingsOptions = {}): T {
  const env = options.env ?? process.env;
  const file = options.envFile === false ? {} : readEnvFile(options.envFile ?? '.env');
  const prefix = options.prefix ?? '';
  const plain: Record<string, unknown> = {};
  const errors: ErrorDetail[] = [];
  for (const property of declaredFields(cls)) {
    const key = prefix + constantCase(property);
    const raw = env[key] ?? file[key];
    if (raw === undefined) continue;
    const design = readPropertyType(cls, property);
    if (SCALARS.has(design)) {
      const value = compileCoercer(planCoercion({ type: design as ScalarType }, undefined, false))(raw, [key], errors);
      if (value !== undefined) plain[property] = value;
    } else if (design === Array || design === Object) {
      try {
        plain[property] = JSON.parse(raw);
      } catch {
        errors.push({ type: 'json_invalid', loc: [key], msg: 'Invalid JSON', input: raw });
      }
    } else {
      plain[property] = raw;
    }
  }
  const instance = classTransformer().plainToInstance(cls, plain) as T;
  const failures = classValidator().validateSync(instance, { validationError: { target: false, value: true } });
  const byProperty = new Map(declaredFields(cls).map((p) => [p, prefix + constantCase(p)]));
  for (const detail of toErrorDetails(failures, [], instance)) {
    const property = String(detail.loc[0]);
    if (errors.some((e) => e.loc[0] === byProperty.get(property))) continue;
    errors.push({ ...detail, loc: [byProperty.get(property) ?? property, ...detail.loc.slice(1)] });
  }
  if (errors.length > 0) throw new SettingsError(cls.name, errors);
  return instance;
}

function readEnvFile(path: string): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(resolve(path), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw err;
  }
  const dotenv = createRequire(import.meta.url)('dotenv') as typeof import('dotenv');
  return dotenv.parse(text);
}

/** `databaseUrl` and `database_url` → `DATABASE_URL`. */
function constantCase(property: string): string {
  return property.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}
