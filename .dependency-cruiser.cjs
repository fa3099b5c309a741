// The import graph of src/, checked in CI (`npm run lint:imports`): no cycles, no import from a
// lower layer to a higher one, and no file outside the layers. Type-only imports count: a type
// cycle is still a cycle to a reader.
//
// Layers, lowest first; a layer may import its own files and any layer below it. A layer is a
// folder, except that src/http/ holds two: the messages a handler and a middleware see, which
// the decorators' options name (`middleware: Middleware[]` names `Request` and `Response`),
// and the server that routes and answers them, which needs dependency injection's per-request
// resources. The errors those messages throw sit below them, so every layer may throw them.
const MESSAGES = ['request', 'response', 'body', 'multipart', 'origin', 'stream', 'file', 'json', 'status', 'middleware'];

const LAYERS = [
  // Errors with a status (`HttpException`, the 422 `RequestValidationError`) and the JSON depth
  // limit that bodies and WebSocket messages share; they import nothing of ours.
  ['errors', '^src/(http/exceptions|validation/(errors|json-depth))\\.ts$'],
  // Request, Response, their bodies, and the Middleware signature over them.
  ['messages', `^src/http/(${MESSAGES.join('|')})\\.ts$`],
  // Decorators, the records they write and their options; read back only at bootstrap.
  ['metadata', '^src/metadata/'],
  // DTO validation and coercion, compiled from the records.
  ['validation', '^src/validation/'],
  // Providers, scopes, arenas, pools, lifespan.
  ['di', '^src/di/'],
  // Connection and its limits; knows nothing of the HTTP server that upgrades to it.
  ['websocket', '^src/websocket/'],
  // The server: request context, router, route table, writing answers, exception handlers.
  ['http', '^src/http/'],
  // Documents built from the route table (a security scheme describes itself with their types).
  ['openapi', '^src/openapi/'],
  ['security', '^src/security/'],
  // What hangs on the pipeline's seams: middleware, the Hub, settings, templates.
  ['extensions', '^src/(middleware|hub|settings|templates)/'],
  // Bootstrap: scans modules, compiles routes and sockets, serves.
  ['app', '^src/app/'],
  ['tools', '^src/(testing|cli)/'],
  ['entry', '^src/index\\.ts$'],
];

const paths = (layers) => layers.map(([, path]) => path);

module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      comment: 'Import cycles break ESM load order and hide which module depends on which.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'in-a-layer',
      comment: 'Every file of src/ belongs to a layer: add a new folder to LAYERS in .dependency-cruiser.cjs.',
      severity: 'error',
      from: { path: '^src/', pathNot: paths(LAYERS) },
      to: {},
    },
    ...LAYERS.slice(0, -1).map(([name, path], index) => ({
      name: `no-upward-import-from-${name}`,
      comment: `${name} may import only itself and the layers below it (see LAYERS in .dependency-cruiser.cjs).`,
      severity: 'error',
      from: { path, pathNot: paths(LAYERS.slice(0, index)) },
      to: { path: paths(LAYERS.slice(index + 1)), pathNot: paths(LAYERS.slice(0, index + 1)) },
    })),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^src/',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
