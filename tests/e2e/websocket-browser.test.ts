import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { bootstrap } from 'zigmund';
import { AppModule } from '../../samples/websockets/app.js';
import { guardLocalOnly, launchBrowser, screenshotPath } from '../support/browser.js';

const app = await bootstrap(AppModule, { title: 'WebSocket Demo', version: '1.0', logStartup: false });
const url = await app.serve({ port: 0 });
const browser = await launchBrowser();
after(async () => {
  await browser.close();
  await app.close();
});

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
