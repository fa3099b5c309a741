// Mirrors FastAPI's tutorial/index (docs/en/docs/tutorial/index.md), the "Run the code" part: the
// page has no app of its own, it says to copy an example into `main.py` and run `fastapi dev`.
// The TypeScript counterpart is this `main` module (it exports its app and never listens) run
// by the `zigmund` CLI: `npx zigmund dev main.js` (or `src/main.ts` with a tsconfig), which
// serves it on http://127.0.0.1:8000 with the documentation at /docs. The page's install step
// (`uv add "fastapi[standard]"`) is `npm install zigmund reflect-metadata class-validator
// class-transformer`.
import { createApp } from 'zigmund';

export const app = createApp();

app.get(
  '/',
  function root() {
    return { message: 'Hello World' };
  },
  { summary: 'Root' },
);
