import { createRequire } from 'node:module';

type ClassValidator = typeof import('class-validator');
type ClassTransformer = typeof import('class-transformer');

const require = createRequire(import.meta.url);
let validatorModule: ClassValidator | undefined;
let transformerModule: ClassTransformer | undefined;

// Loaded on first use, at bootstrap, so apps without DTOs start without them (class-validator
// alone takes longer to load than the rest of the framework). Users' own imports of the same
// packages share these instances through the CommonJS cache.

export const classValidator = (): ClassValidator => (validatorModule ??= require('class-validator') as ClassValidator);

export const classTransformer = (): ClassTransformer => (transformerModule ??= require('class-transformer') as ClassTransformer);

/** A class-transformer `@Type()` record. */
export interface TypeRecord {
  typeFunction?: (options?: unknown) => unknown;
  reflectedType?: unknown;
  options?: { discriminator?: unknown };
}

/**
 * class-transformer's metadata store, which it keeps without a public reader: its fields are
 * read here and nowhere else. `tests/validation/transformer-storage.test.ts` fails naming the
 * field if an update of the pinned class-transformer changes them.
 */
export interface TransformerStorage {
  _typeMetadatas: Map<Function, Map<string, TypeRecord>>;
  _transformMetadatas: Map<Function, Map<string, unknown[]>>;
  _exposeMetadatas: Map<Function, Map<string, unknown>>;
  _excludeMetadatas: Map<Function, Map<string, unknown>>;
  findTypeMetadata(target: Function, property: string): TypeRecord | undefined;
}

let transformerStorage: TransformerStorage | undefined;

/** The store the `class-transformer` decorators write to (reached through its CommonJS build, the one its decorators use). */
export const classTransformerStorage = (): TransformerStorage =>
  (transformerStorage ??= (require('class-transformer/cjs/storage') as { defaultMetadataStorage: TransformerStorage }).defaultMetadataStorage);
