import { createRequire } from 'node:module';

/**
 * ioredis's client class, loaded when a Redis feature is first used: it is an optional
 * dependency, so an app without Redis does not need it installed. `feature` names what asked
 * for it in the error shown when it is missing.
 */
export function loadIoredis<Constructor>(feature: string): Constructor {
  try {
    const mod = createRequire(import.meta.url)('ioredis') as { Redis?: Constructor; default?: Constructor };
    return (mod.Redis ?? mod.default ?? mod) as Constructor;
  } catch (err) {
    throw new Error(`${feature} needs the ioredis package: npm install ioredis`, { cause: err });
  }
}
