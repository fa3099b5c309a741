import { test } from 'node:test';
import assert from 'node:assert/strict';
import { guardLocalOnly, screenshotPath } from '../support/browser.js';
import { serveDemoWithBrowser } from '../support/demo-browser.js';

const { url, browser } = await serveDemoWithBrowser();

test('a browser page opens a native WebSocket to /ws and reads the echo back', async () => {
  const page = await browser.newPage();
  const foreign: string[] = [];
  await guardLocalOnly(page, (u) => foreign.push(u));
  await page.goto(`${url}/`);
  await page.locator('#status').filter({ hasText: 'open' }).waitFor();
  await page.locator('#log li').first().filter({ hasText: 'connected' }).waitFor();
  await page.fill('#text', 'hello from chromium');
  await page.click('button');
  const echo = page.locator('#log li').nth(1);
  await echo.waitFor();
  assert.equal(await echo.textContent(), 'echo: hello from chromium');
  await page.screenshot({ path: screenshotPath('websocket-demo') });
  assert.deepEqual(foreign, []);
  await page.close();
});
