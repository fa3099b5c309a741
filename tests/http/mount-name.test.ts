import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BootstrapError, createApp } from 'zigmund';

test('a named mount is a urlFor target: the prefix followed by the path given', () => {
  const app = createApp();
  app.mount('/static', () => undefined, { name: 'static' });
  app.mount('/', createApp(), { name: 'root' });
  assert.equal(app.urlPathFor('static', { path: '/css/site.css' }), '/static/css/site.css');
  assert.equal(app.urlPathFor('static', { path: '/a b.css' }), '/static/a%20b.css');
  assert.equal(app.urlPathFor('root', { path: '/x' }), '/x');
  assert.throws(() => app.urlPathFor('static'), /the path parameter "path" is missing/);
});

test('a mount name already taken by a route or a mount is refused', () => {
  const app = createApp();
  app.get('/items', () => [], { name: 'items' });
  assert.throws(() => app.mount('/items-static', () => undefined, { name: 'items' }), BootstrapError);
  app.mount('/a', () => undefined, { name: 'a' });
  assert.throws(() => app.mount('/b', () => undefined, { name: 'a' }), /already named "a"/);
});
