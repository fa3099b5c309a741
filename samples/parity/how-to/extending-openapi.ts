// Mirrors FastAPI's "Extending OpenAPI" (docs/en/docs/how-to/extending-openapi.md): the document
// is built once and kept; `app.openapi()` returns that object, so it is changed in place — here
// the page's custom title, version, summary, description and ReDoc's x-logo.
import { createApp } from 'zigmund';

export const app = createApp({
  title: 'Custom title',
  version: '2.5.0',
  summary: 'This is a very custom OpenAPI schema',
  description: "Here's a longer description of the custom **OpenAPI** schema",
});

app.get('/items/', () => [{ name: 'Foo' }]);

// After the routes: a route added later would make the next use build the document again.
app.openapi().info['x-logo'] = { url: 'https://fastapi.tiangolo.com/img/logo-margin/logo-teal.png' };
