// The package is built from src alone into dist/src: start from an empty folder so no output
// of a deleted source file, and no source map of the development build, is packed.
import { rmSync } from 'node:fs';

rmSync(new URL('../dist/src', import.meta.url), { recursive: true, force: true });
