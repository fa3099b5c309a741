import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { App } from '../app/app.js';
import { CliError } from './args.js';

/** Imports the entry module (relative to the working directory) and returns the app it exports. */
export async function loadApp(entry: string): Promise<App> {
  const file = resolve(entry);
  if (!existsSync(file)) throw new CliError(`entry ${entry} not found (${file})`);
  let exports: Record<string, unknown>;
  try {
    exports = await import(pathToFileURL(file).href);
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_UNKNOWN_FILE_EXTENSION') {
      throw new CliError(`cannot import ${entry} (${(err as Error).message}): compile it first and pass the .js file, e.g. dist/app.js`);
    }
    throw err;
  }
  // Loaded here, so that a mistake on the command line is reported without loading the framework.
  const { appFromEntry } = await import('../app/entry.js');
  return appFromEntry(exports, entry);
}
