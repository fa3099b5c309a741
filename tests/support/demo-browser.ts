import { after } from 'node:test';
import type { Browser } from 'playwright-core';
import { bootstrap } from 'zigmund';
import { AppModule } from '../../samples/websockets/app.js';
import { launchBrowser } from './browser.js';

/** The `npm start` demo on a free port and a headless Chromium beside it, both closed after the file's tests. */
export async function serveDemoWithBrowser(): Promise<{ url: string; browser: Browser }> {
  const app = await bootstrap(AppModule, { title: 'WebSocket Demo', version: '1.0', logStartup: false });
  const url = await app.serve({ port: 0 });
  const browser = await launchBrowser();
  after(async () => {
    await browser.close();
    await app.close();
  });
  return { url, browser };
}
