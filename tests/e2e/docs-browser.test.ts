import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { guardLocalOnly, screenshotPath } from '../support/browser.js';
import { serveDemoWithBrowser } from '../support/demo-browser.js';

const { url, browser } = await serveDemoWithBrowser();

/** A page that reports requests leaving 127.0.0.1 and the errors its scripts raise. */
async function openPage(path: string): Promise<{ page: Page; foreign: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const foreign: string[] = [];
  const errors: string[] = [];
  await guardLocalOnly(page, (u) => foreign.push(u));
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  await page.goto(`${url}${path}`);
  return { page, foreign, errors };
}

test('/docs shows the app title and every operation, the WebSocket route included, from local assets only', async () => {
  const { page, foreign, errors } = await openPage('/docs');
  await page.locator('.opblock').first().waitFor();
  assert.equal(await page.title(), 'WebSocket Demo - Swagger UI');
  assert.match((await page.locator('.info .title').textContent()) ?? '', /^WebSocket Demo/);
  const operations = await page.locator('.opblock-summary').evaluateAll((blocks) =>
    blocks.map((b) => [
      b.querySelector('.opblock-summary-method')?.textContent,
      b.querySelector('.opblock-summary-path')?.getAttribute('data-path'),
      b.querySelector('.opblock-summary-description')?.textContent,
    ]),
  );
  assert.deepEqual(operations, [
    ['GET', '/info', 'WebSocket route info endpoint'],
    ['GET', '/ws', 'WebSocket echo handler with message prefix'],
  ]);
  await page.screenshot({ path: screenshotPath('docs-swagger-ui'), fullPage: true });
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('"Try it out" then "Execute" on GET /info shows the real response body in /docs', async () => {
  const { page, foreign, errors } = await openPage('/docs');
  const info = page.locator('#operations-default-ChatController_info');
  await info.locator('.opblock-summary-control').click();
  await info.locator('button.try-out__btn').click();
  await info.locator('button.execute').click();
  const body = info.locator('.live-responses-table .response-col_description pre');
  await body.first().waitFor();
  assert.deepEqual(JSON.parse((await body.first().textContent()) ?? ''), { message: 'WebSocket echo server — connect at /ws' });
  assert.equal((await info.locator('.live-responses-table .response .response-col_status').first().textContent())?.trim(), '200');
  const websocket = page.locator('#operations-default-ChatController_chat');
  await websocket.locator('.opblock-summary-control').click();
  // Swagger UI draws the expanded operation after the click returns: wait for its responses.
  await websocket.getByText('Switching Protocols').first().waitFor();
  assert.match((await websocket.textContent()) ?? '', /Switching Protocols/);
  await page.screenshot({ path: screenshotPath('docs-swagger-ui-try-it-out'), fullPage: true });
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('/redoc lists every operation from local assets only', async () => {
  const { page, foreign, errors } = await openPage('/redoc');
  await page.locator('[data-section-id="operation/ChatController_chat"]').waitFor();
  assert.equal(await page.title(), 'WebSocket Demo - ReDoc');
  const sections = await page.locator('[data-section-id^="operation/"] h2').allTextContents();
  assert.deepEqual(sections.map((s) => s.trim()), ['WebSocket route info endpoint', 'WebSocket echo handler with message prefix']);
  const menu = await page.locator('.menu-content li[data-item-id^="operation/"]').allTextContents();
  assert.equal(menu.length, 2);
  assert.match(menu[0], /WebSocket route info endpoint/);
  assert.match(menu[1], /WebSocket echo handler with message prefix/);
  await page.screenshot({ path: screenshotPath('docs-redoc'), fullPage: true });
  assert.deepEqual(foreign, []);
  // ReDoc 2 always draws its sidebar logo from cdn.redoc.ly: the page's policy blocks it in the browser.
  const blockedLogo = (e: string) => e.includes('https://cdn.redoc.ly/redoc/logo-mini.svg') && e.includes('Content Security Policy');
  assert.deepEqual(errors.filter((e) => !blockedLogo(e)), []);
  await page.close();
});
