#!/usr/bin/env node
// `zigmund <command> …`: the command-line tool installed with the package (`npx zigmund`).
import { BootstrapError } from '../metadata/bootstrap-error.js';
import { WorkerStartupError } from '../app/workers.js';
import { CliError, parseCommandLine, UsageError, type Command } from './args.js';
import { asyncapiCommand } from './commands/asyncapi.js';
import { devCommand } from './commands/dev.js';
import { openapiCommand } from './commands/openapi.js';
import { routesCommand } from './commands/routes.js';
import { serveCommand } from './commands/serve.js';

const COMMANDS: Command[] = [serveCommand, devCommand, routesCommand, openapiCommand, asyncapiCommand];

const HELP = `Usage: zigmund <command> <entry> [options]

Commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(10)}${command.summary}`).join('\n')}

<entry> is a JavaScript module that exports the app (\`export default app\`, \`export const app\`)
or its root @Module class, and does not start a server when imported.
Run \`zigmund <command> --help\` for the options of a command.`;

/** Runs one command line; resolves with the exit code, or undefined when a server keeps the process up. */
async function main(argv: string[]): Promise<number | undefined> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    console.error(HELP);
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    console.log(COMMANDS.find((command) => command.name === rest[0])?.help ?? HELP);
    return 0;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) return fail(`unknown command ${JSON.stringify(name)}; the commands are ${COMMANDS.map((c) => c.name).join(', ')}`, 'zigmund --help');
  try {
    const { values, positionals } = parseCommandLine(command, rest);
    if (values.help) {
      console.log(command.help);
      return 0;
    }
    return (await command.run(values, positionals)) ? undefined : 0;
  } catch (err) {
    if (err instanceof UsageError) return fail(err.message, `zigmund ${command.name} --help`, command.name);
    if (err instanceof CliError || err instanceof BootstrapError || err instanceof WorkerStartupError) return fail(err.message, undefined, command.name);
    console.error(`zigmund ${command.name}:`, err);
    return 1;
  }
}

function fail(message: string, help?: string, command?: string): number {
  console.error(`zigmund${command ? ` ${command}` : ''}: ${message}`);
  if (help) console.error(`Run \`${help}\` for help.`);
  return help ? 2 : 1;
}

const code = await main(process.argv.slice(2));
// A one-shot command exits even if the entry left timers or connections open.
if (code !== undefined) process.exit(code);
