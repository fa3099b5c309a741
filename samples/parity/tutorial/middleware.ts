// Mirrors FastAPI's tutorial/middleware (docs/en/docs/tutorial/middleware.md): a function that
// runs around every request and adds a header to the answer, here the time it took.
import { createApp, type Middleware } from 'zigmund';

export const addProcessTimeHeader: Middleware = async function addProcessTimeHeader(req, next) {
  const started = performance.now();
  const res = await next();
  return res.setHeader('X-Process-Time', String((performance.now() - started) / 1000));
};

export const app = createApp();
app.use(addProcessTimeHeader);
app.get('/items/', () => [{ name: 'Foo' }], { summary: 'Read Items' });
