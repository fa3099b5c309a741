import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app, templates } from '../../../samples/parity/reference/templating.js';

test('reference/templating: a template response with status, headers, filters, globals and escaping', async () => {
  const res = await new TestClient(app).get('/hello/%3Cb%3E');
  assert.equal(res.status, 203);
  assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
  assert.equal(res.headers['x-template'], 'hello.html');
  assert.equal(res.text.trim(), '<p>HELLO, &lt;b&gt;!</p><p>Citadel</p>');
});

test('reference/templating: a template rendered to a string', () => {
  assert.equal(templates.renderToString('hello.html', { name: 'Rick', greeting: 'hi' }).trim(), '<p>HI, Rick!</p><p>Citadel</p>');
});
