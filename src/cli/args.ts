import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A mistake on the command line: printed with a pointer to `--help`, exit code 2. */
export class UsageError extends Error {
  readonly code = 'USAGE';
}

/** Anything else the CLI refuses (a missing entry, a file it cannot write): exit code 1. */
export class CliError extends Error {
  readonly code = 'CLI';
}

export type Options = NonNullable<ParseArgsConfig['options']>;

/** One command of the CLI, in its own file under commands/. */
export interface Command {
  name: string;
  /** One line for `zigmund --help`. */
  summary: string;
  /** The whole `zigmund <name> --help`. */
  help: string;
  options: Options;
  /** Resolves true when the process should stay up (a server runs), false when the command is done. */
  run(values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<boolean>;
}

/** Parses `argv` strictly for `command`; `--help` is always accepted. */
export function parseCommandLine(command: Command, argv: string[]): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (err) {
    // parseArgs reports unknown options and missing values as TypeErrors with ERR_PARSE_ARGS_* codes.
    if ((err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) throw new UsageError((err as Error).message);
    throw err;
  }
}

/** The single `<entry>` argument of a command. */
export function entryArgument(positionals: string[]): string {
  if (positionals.length === 0) throw new UsageError('missing <entry>: the module that exports the app, e.g. dist/app.js');
  if (positionals.length > 1) throw new UsageError(`one <entry> expected, got ${positionals.length}: ${positionals.join(' ')}`);
  return positionals[0];
}

/** `--port`: an integer from 0 to 65535. */
export function portOption(value: string | boolean | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || port > 65535) throw new UsageError(`--port must be an integer from 0 to 65535, not ${String(value)}`);
  return port;
}

/** `--workers`: a positive integer or `auto`. */
export function workersOption(value: string | boolean | undefined): number | 'auto' | undefined {
  if (value === undefined || value === 'auto') return value;
  if (typeof value !== 'string' || !/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--workers must be a positive integer or auto, not ${String(value)}`);
  return Number(value);
}
