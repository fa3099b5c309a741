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
