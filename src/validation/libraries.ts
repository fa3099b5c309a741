import { createRequire } from 'node:module';
import { BootstrapError } from '../metadata/bootstrap-error.js';

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

/**
 * The store the `class-transformer` decorators write to (reached through its CommonJS build, the
 * one its decorators use). The first call, when the first DTO is compiled, also checks that the
 * app's decorators use the same copy of class-transformer.
 */
export const classTransformerStorage = (): TransformerStorage => {
  if (transformerStorage !== undefined) return transformerStorage;
  const storageFile = require.resolve('class-transformer/cjs/storage');
  const storage = (require(storageFile) as { defaultMetadataStorage: TransformerStorage }).defaultMetadataStorage;
  assertOneCopy('class-transformer', storageFile, STORAGE_FILE);
  return (transformerStorage = storage);
};

// class-transformer's decorators record into a module of their own, not a global (as
// class-validator's do): with a second copy installed — the app's own beside the one Zigmund
// resolves, as a `file:` or linked install of Zigmund gives — the app's @Type() records go where
// Zigmund never reads, and valid nested bodies fail validation without a word. Every copy the
// app has loaded sits in Node's module cache under its own real path.
const STORAGE_FILE = /[\\/]class-transformer[\\/]cjs[\\/]storage\.js$/;

/**
 * Thrown at bootstrap when the app and Zigmund load two copies of a library that keeps its
 * metadata per copy: a `BootstrapError`, so the CLI prints it as one and `instanceof` finds it.
 */
export class DuplicateLibraryError extends BootstrapError {
  constructor(
    readonly library: string,
    readonly paths: string[],
  ) {
    super(
      `${library} is loaded from ${paths.length} places: ${paths.join(' and ')}. Zigmund reads the decorators' metadata of the first, ` +
        `so DTOs decorated through another copy would fail validation. Install one copy: ${library} is a peer dependency of zigmund ` +
        `(npm ls ${library} shows who brings each; a file: or linked zigmund resolves its own node_modules).`,
    );
    this.name = 'DuplicateLibraryError';
  }
}

function assertOneCopy(library: string, ours: string, file: RegExp): void {
  const copies = new Set<string>([packageDir(ours, file)]);
  for (const loaded of Object.keys(require.cache)) if (file.test(loaded)) copies.add(packageDir(loaded, file));
  if (copies.size > 1) throw new DuplicateLibraryError(library, [...copies]);
}

const packageDir = (loaded: string, file: RegExp) => loaded.replace(file, (match) => match.slice(0, match.search(/[\\/]cjs[\\/]/)));
