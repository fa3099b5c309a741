// Mirrors FastAPI's "Including WSGI - Flask, Django, others" (docs/en/docs/advanced/wsgi.md).
// TypeScript counterpart: WSGI is Python's; the Node equivalent is any `(req, res)` handler, so
// an Express app is mounted where the page mounts Flask through WSGIMiddleware.
import express from 'express';
import { createApp } from 'zigmund';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const expressApp = express();
expressApp.get('/', (req, res) => {
  const name = typeof req.query.name === 'string' ? req.query.name : 'World';
  res.type('text/html').send(`Hello, ${escapeHtml(name)} from Express!`);
});

export const app = createApp();
app.get('/v2', () => ({ message: 'Hello World' }));
app.mount('/v1', expressApp);
