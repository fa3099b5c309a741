import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/advanced/templates.js';

const client = new TestClient(app);

test('advanced/templates: the template links the item by url_for and the stylesheet by the named mount', async () => {
  const res = await client.get('/items/foo');
  assert.equal(res.status, 200, res.text);
  assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
  assert.ok(res.text.includes('<h1><a href="http://localhost:80/items/foo">Item ID: foo</a></h1>'), res.text);
  assert.ok(res.text.includes('<link href="http://localhost:80/static/styles.css" rel="stylesheet">'), res.text);
});

test('advanced/templates: the static files are served', async () => {
  const res = await client.get('/static/styles.css');
  assert.equal(res.status, 200);
  assert.ok(res.text.includes('color: green;'));
});

test('advanced/templates: a value is escaped in the HTML', async () => {
  const res = await client.get('/items/%3Cb%3E');
  assert.equal(res.status, 200);
  assert.ok(res.text.includes('Item ID: &lt;b&gt;</a>'), res.text);
});
