// Mirrors FastAPI's tutorial/debugging (docs/en/docs/tutorial/debugging.md): the app serves itself
// when its file is run directly, so a debugger can start it like any program
// (`node --inspect dist/samples/parity/tutorial/debugging.js`, or "Run current file" in an
// editor), and importing it (a test, `zigmund serve`) does not. Python's
// `if __name__ == "__main__": uvicorn.run(app, host="0.0.0.0", port=8000)` is the check that
// this module is the process's entry point. PORT overrides the page's 8000.
import { existsSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createApp } from 'zigmund';

export const app = createApp();

app.get(
  '/',
  () => {
    const a = 'a';
    const b = 'b' + a;
    return { 'hello world': b };
  },
  { summary: 'Root' },
);

const entry = process.argv[1];
const runDirectly = entry !== undefined && existsSync(entry) && realpathSync(entry) === fileURLToPath(import.meta.url);
if (runDirectly) await app.serve({ host: '0.0.0.0', port: Number(process.env.PORT ?? 8000) });
