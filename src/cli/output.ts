import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliError } from './args.js';

/** Writes `text` to the file `out`, or to stdout when `out` is not given; resolves once written. */
export async function writeOutput(text: string, out?: string): Promise<void> {
  if (out !== undefined) {
    try {
      await writeFile(resolve(out), text);
    } catch (err) {
      throw new CliError(`cannot write ${out}: ${(err as Error).message}`);
    }
    return;
  }
  await new Promise<void>((done, fail) => process.stdout.write(text, (err) => (err ? fail(err) : done())));
}
