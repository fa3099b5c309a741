// The import graph of src/, checked in CI (`npm run lint:imports`): no cycles, and no import
// from a lower layer to a higher one. Layers, lowest first; a layer may import its own files
// and any layer below it.
const LAYERS = [
  // Records and decorators: what users write, read back only at bootstrap.
  ['metadata', '^src/metadata/'],
  // The root of every framework error with an HTTP status; it imports nothing.
  ['exceptions', '^src/http/exceptions\\.ts$'],
  ['validation', '^src/validation/'],
  ['di', '^src/di/'],
  ['websocket', '^src/websocket/'],
  ['http', '^src/http/'],
  ['openapi', '^src/openapi/'],
  // What hangs on the pipeline's seams: schemes, middleware, the Hub.
  ['extensions', '^src/(security|middleware|hub)/'],
  ['app', '^src/app/'],
  ['tools', '^src/(testing|cli)/'],
  ['entry', '^src/index\\.ts$'],
];

const above = (index) => LAYERS.slice(index + 1).map(([, path]) => path);

module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      comment: 'Import cycles break ESM load order and hide which module depends on which.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...LAYERS.slice(0, -1).map(([name, path], index) => ({
      name: `no-upward-import-from-${name}`,
      comment: `${name} may import only itself and the layers below it (see LAYERS in .dependency-cruiser.cjs).`,
      severity: 'error',
      from: { path, pathNot: LAYERS.slice(0, index).map(([, p]) => p) },
      to: { path: above(index), pathNot: LAYERS.slice(0, index + 1).map(([, p]) => p) },
    })),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^src/',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
