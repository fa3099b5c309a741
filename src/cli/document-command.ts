import type { App } from '../app/app.js';
import { entryArgument, UsageError, type Command } from './args.js';
import { loadApp } from './entry.js';
import { writeOutput } from './output.js';

/** A command that prints one document of the app (`openapi`, `asyncapi`) as JSON. */
export function documentCommand(name: string, what: string, build: (app: App) => unknown): Command {
  return {
    name,
    summary: `print the ${what} document`,
    help: `Usage: zigmund ${name} <entry> [--out file] [--indent N]

Prints the app's ${what} document as JSON, and nothing else, to stdout (or to --out).

Options:
  --out <file>   write the document to this file instead
  --indent <N>   spaces of indentation (default 2; 0 for one line)
  -h, --help     this help`,
    options: {
      out: { type: 'string', short: 'o' },
      indent: { type: 'string' },
    },
    async run(values, positionals) {
      const entry = entryArgument(positionals);
      const indent = values.indent === undefined ? 2 : /^\d+$/.test(String(values.indent)) ? Number(values.indent) : NaN;
      if (!Number.isInteger(indent) || indent < 0 || indent > 10) throw new UsageError(`--indent must be an integer from 0 to 10, not ${String(values.indent)}`);
      const app = await loadApp(entry);
      await writeOutput(JSON.stringify(build(app), null, indent) + '\n', values.out as string | undefined);
      return false;
    },
  };
}
