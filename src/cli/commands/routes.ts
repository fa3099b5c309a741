import type { RouteDefinition } from '../../http/route.js';
import { isDocsRoute } from '../../openapi/docs-routes.js';
import { entryArgument, type Command } from '../args.js';
import { loadApp } from '../entry.js';
import { writeOutput } from '../output.js';

interface Row {
  method: string;
  path: string;
  handler: string;
  kind: string;
  tags: string[];
}

export const routesCommand: Command = {
  name: 'routes',
  summary: 'list the routes: method, path, handler, kind, tags',
  help: `Usage: zigmund routes <entry> [--all] [--json]

Prints the app's route table: method, path, handler (Class.method, or the function's name),
kind (http or websocket) and tags, in the order the routes were added.

Options:
  --all        also the documentation routes: /openapi.json, /asyncapi.json, /docs, /redoc
               and their assets
  --json       an array of { method, path, handler, kind, tags } instead of a table
  -h, --help   this help`,
  options: {
    all: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(values, positionals) {
    const app = await loadApp(entryArgument(positionals));
    const rows = app.routes.filter((route) => values.all || !isDocsRoute(route)).map(rowOf);
    await writeOutput(values.json ? JSON.stringify(rows, null, 2) + '\n' : table(rows));
    return false;
  },
};

function rowOf(route: RouteDefinition): Row {
  const handler = route.controller && route.methodName ? `${route.controller}.${route.methodName}` : route.handler.name || '(anonymous)';
  return { method: route.method, path: route.path, handler, kind: route.kind, tags: route.tags };
}

function table(rows: Row[]): string {
  const cells = [['METHOD', 'PATH', 'HANDLER', 'KIND', 'TAGS'], ...rows.map((row) => [row.method, row.path, row.handler, row.kind, row.tags.join(', ')])];
  const widths = cells[0].map((_, column) => Math.max(...cells.map((line) => line[column].length)));
  return cells.map((line) => line.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd()).join('\n') + '\n';
}
