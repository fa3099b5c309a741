import 'reflect-metadata';
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { createApp, Response, securityHeaders } from 'zigmund';
import { guardLocalOnly, launchBrowser, screenshotPath } from '../support/browser.js';

// securityHeaders() app-wide, with helmet's default Content-Security-Policy (script-src 'self',
// no inline script): the documentation pages must still run in a real browser.
const app = createApp({ title: 'Guarded API', version: '1.0', logStartup: false });
app.get('/items/:id', (req) => ({ id: req.params.id }), { summary: 'Read an item' });
app.post('/items', () => ({ ok: true }), { summary: 'Create an item' });
// A page with an inline script: the control showing that violations are seen by this test.
app.get('/inline', () => Response.html('<!doctype html><title>inline</title><script>document.title = "ran"</script>'), { includeInSchema: false });
app.use(securityHeaders());
const url = await app.serve({ port: 0 });

const browser = await launchBrowser();
after(async () => {
  await browser.close();
  await app.close();
});

/** Opens `path`, recording CSP violations (from the page's own event and the console) and script errors. */
async function open(path: string): Promise<{ page: Page; violations: string[]; errors: string[]; foreign: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const violations: string[] = [];
  const errors: string[] = [];
  const foreign: string[] = [];
  await guardLocalOnly(page, (u) => foreign.push(u));
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript({
    content: "document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(e.violatedDirective + ' blocked ' + e.blockedURI));",
  });
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    if (msg.text().includes('Content Security Policy')) violations.push(msg.text());
    else errors.push(msg.text());
  });
  const res = await page.goto(`${url}${path}`);
  assert.equal(res?.status(), 200);
  return { page, violations, errors, foreign };
}

test('the violation detector works: an inline script is blocked by the default policy', async () => {
  const { page, violations } = await open('/inline');
  await page.waitForFunction('document.readyState === "complete"');
  const deadline = Date.now() + 5_000;
  while (violations.length === 0 && Date.now() < deadline) await page.waitForTimeout(50);
  assert.notEqual(await page.title(), 'ran');
  assert.ok(violations.some((v) => /script-src/.test(v)), violations.join('\n'));
  await page.close();
});

test('/docs renders every operation under securityHeaders() with no CSP violation', async () => {
  const { page, violations, errors, foreign } = await open('/docs');
  const headers = await (await page.request.get(`${url}/docs`)).headers();
  assert.match(headers['content-security-policy'], /script-src 'self';/);
  await page.locator('.opblock').first().waitFor();
  const paths = await page.locator('.opblock-summary-path').evaluateAll((els) => els.map((e) => e.getAttribute('data-path')));
  assert.deepEqual(paths.sort(), ['/items', '/items/{id}']);
  // "Try it out" fetches the document's route from the page: connect-src 'self' allows it.
  const read = page.locator('.opblock-get');
  await read.locator('.opblock-summary-control').click();
  await read.locator('button.try-out__btn').click();
  await read.locator('input[placeholder="id"]').fill('42');
  await read.locator('button.execute').click();
  const body = read.locator('.live-responses-table .response-col_description pre');
  await body.first().waitFor();
  assert.deepEqual(JSON.parse((await body.first().textContent()) ?? ''), { id: '42' });
  await page.screenshot({ path: screenshotPath('docs-under-security-headers'), fullPage: true });
  assert.deepEqual(violations, []);
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
  await page.close();
});

test('/redoc renders every operation under securityHeaders(), its own stricter policy kept', async () => {
  const { page, violations, errors, foreign } = await open('/redoc');
  await page.locator('[data-section-id^="operation/"]').first().waitFor();
  const sections = await page.locator('[data-section-id^="operation/"] h2').allTextContents();
  assert.deepEqual(sections.map((s) => s.trim()).sort(), ['Create an item', 'Read an item']);
  // ReDoc 2 always draws its sidebar logo from cdn.redoc.ly: the page's own policy blocks it.
  const blockedLogo = (v: string) => v.includes('cdn.redoc.ly');
  assert.deepEqual(violations.filter((v) => !blockedLogo(v)), []);
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
  await page.close();
});
