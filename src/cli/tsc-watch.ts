import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { CliError } from './args.js';

// tsc --watch ends every compilation with "Found 0 errors. Watching for file changes." (TS6193/TS6194).
const DONE = /Found (\d+) errors?\. Watching for file changes\./;
// The other status lines of watch mode, which dev replaces with its own.
const CHATTER = /(Starting compilation in watch mode|File change detected\. Starting incremental compilation)\.\.\./;

/** The nearest tsconfig.json at or above `dir`. */
export function findTsconfig(dir: string): string | undefined {
  for (let current = resolve(dir); ; current = dirname(current)) {
    const candidate = join(current, 'tsconfig.json');
    if (existsSync(candidate)) return candidate;
    if (dirname(current) === current) return undefined;
  }
}

/** The project's own TypeScript compiler, resolved from the tsconfig's directory. */
export function projectTsc(tsconfig: string): string {
  try {
    return createRequire(join(dirname(tsconfig), 'package.json')).resolve('typescript/bin/tsc');
  } catch {
    throw new CliError(`TypeScript is not installed in ${dirname(tsconfig)} (npm install --save-dev typescript)`);
  }
}

/**
 * Where tsc writes the output of the TypeScript file `source`: under `outDir`, at its path
 * relative to `rootDir` (or, without one, to the tsconfig's folder or a folder inside it, the
 * first whose mapping exists once compiled), `.ts` becoming `.js`.
 */
export function compiledPath(tsc: string, tsconfig: string, source: string): string[] {
  const shown = spawnSync(process.execPath, [tsc, '-p', tsconfig, '--showConfig'], { encoding: 'utf8' });
  if (shown.status !== 0) throw new CliError(`tsc -p ${tsconfig} --showConfig failed:\n${shown.stdout}${shown.stderr}`);
  const options = (JSON.parse(shown.stdout) as { compilerOptions?: { outDir?: string; rootDir?: string } }).compilerOptions ?? {};
  const base = dirname(tsconfig);
  const js = source.replace(/\.ts$/, '.js').replace(/\.mts$/, '.mjs').replace(/\.cts$/, '.cjs');
  if (!options.outDir) return [js];
  const outDir = resolve(base, options.outDir);
  const from = resolve(base, options.rootDir ?? '.');
  const parts = relative(from, js).split(sep);
  // Without rootDir, tsc roots the output at the common folder of the inputs, e.g. src/.
  const depth = options.rootDir ? 1 : parts.length;
  return Array.from({ length: depth }, (_, skip) => join(outDir, ...parts.slice(skip)));
}

export interface TscWatch {
  child: ChildProcess;
  stop(): void;
}

/** Runs `tsc -p tsconfig --watch`, calling `compiled(errors)` after each compilation; the compiler's messages go to stderr. */
export function watchTsc(tsc: string, tsconfig: string, compiled: (errors: number) => void): TscWatch {
  const child = spawn(process.execPath, [tsc, '-p', tsconfig, '--watch', '--preserveWatchOutput', '--pretty', 'false'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const done = DONE.exec(line);
    if (done) compiled(Number(done[1]));
    else if (!CHATTER.test(line) && line.trim() !== '') process.stderr.write(line + '\n');
  });
  return { child, stop: () => child.kill('SIGTERM') };
}
