import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, rm } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { guardLocalOnly, launchBrowser, screenshotPath } from './browser.js';

const PAGE = `<!doctype html>
<title>sanity</title>
<button id="go" onclick="this.textContent = 'clicked'">click me</button>`;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let server: Server;
let origin: string;
let browser: Browser;

before(async () => {
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

test('Chromium clicks a button on a 127.0.0.1 page and saves a PNG screenshot', async () => {
  const page = await browser.newPage();
  const foreign: string[] = [];
  await guardLocalOnly(page, (url) => foreign.push(url));

  await page.goto(origin);
  await page.click('#go');
  assert.equal(await page.textContent('#go'), 'clicked');

  const path = screenshotPath('support-browser-click');
  await rm(path, { force: true });
  await page.screenshot({ path });
  const png = await readFile(path);
  assert.deepEqual(png.subarray(0, PNG_SIGNATURE.length), PNG_SIGNATURE);
  assert.deepEqual(foreign, []);
  await page.close();
});

test('guardLocalOnly aborts and reports a request to a host other than 127.0.0.1', async () => {
  const page = await browser.newPage();
  const foreign: string[] = [];
  await guardLocalOnly(page, (url) => foreign.push(url));

  await page.goto(origin);
  const outcome = await page.evaluate(() =>
    fetch('http://example.com/leak').then(
      () => 'reached',
      () => 'blocked',
    ),
  );
  assert.equal(outcome, 'blocked');
  assert.deepEqual(foreign, ['http://example.com/leak']);
  await page.close();
});
