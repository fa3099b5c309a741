import 'reflect-metadata';
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Get, Module, Param, Request, Templates, bootstrap } from 'zigmund';

const dir = mkdtempSync(join(tmpdir(), 'zigmund-templates-'));
mkdirSync(join(dir, 'partials'));
writeFileSync(join(dir, 'base.html'), '<html><body>{% block content %}{% endblock %}</body></html>');
writeFileSync(
  join(dir, 'item.html'),
  '{% extends "base.html" %}{% block content %}<h1>{{ id }}</h1><p>{{ note }}</p><p>{{ trusted | safe }}</p>' +
    '<a href="{{ url_for(\'readItem\', { id: id }) }}">self</a><a href="{{ url_for(\'readItem\', id=7) }}">seven</a>' +
    '{% include "partials/footer.html" %}{% endblock %}',
);
writeFileSync(join(dir, 'partials', 'footer.html'), '<footer>{{ shout("bye") }}</footer>');

const templates = new Templates({ directory: dir, globals: { shout: (s: string) => s.toUpperCase() } });

@Controller('/items')
class PagesController {
  @Get('/:id', { name: 'readItem' })
  read(@Param('id') id: string, req: Request) {
    return templates.render('item.html', { request: req, id, note: '<script>alert(1)</script>', trusted: '<b>bold</b>' });
  }

  @Get('/missing/page')
  missing() {
    return templates.render('nope.html');
  }
}

@Module({ controllers: [PagesController] })
class PagesModule {}

const app = await bootstrap(PagesModule, { logStartup: false, handleSignals: false });
const base = await app.serve({ port: 0 });
after(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

test('render answers HTML with inheritance, includes, globals and url_for', async () => {
  const res = await fetch(`${base}/items/42`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type')!, /^text\/html/);
  const html = await res.text();
  assert.ok(html.startsWith('<html><body><h1>42</h1>'));
  assert.ok(html.includes(`<a href="${base}/items/42">self</a>`));
  assert.ok(html.includes(`<a href="${base}/items/7">seven</a>`), 'keyword arguments, as in Jinja');
  assert.ok(html.includes('<footer>BYE</footer>'));
});

test('values are HTML-escaped unless marked safe', async () => {
  const html = await (await fetch(`${base}/items/%3Cb%3E`)).text();
  assert.ok(html.includes('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'));
  assert.ok(html.includes('<h1>&lt;b&gt;</h1>'));
  assert.ok(html.includes('<p><b>bold</b></p>'));
  assert.ok(!html.includes('<script>'));
});

test('render takes a status and headers', () => {
  const res = templates.render('partials/footer.html', {}, { status: 201, headers: { 'x-page': 'footer' } });
  assert.equal(res.statusCode, 201);
  assert.equal(res.headers['x-page'], 'footer');
  assert.equal(res.body, '<footer>BYE</footer>');
});

test('a missing template is a 500, not a blank page', async () => {
  const res = await fetch(`${base}/items/missing/page`);
  assert.equal(res.status, 500);
});
