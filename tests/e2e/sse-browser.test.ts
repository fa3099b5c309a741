import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createApp, Response, type Request } from 'zigmund';
import { guardLocalOnly, launchBrowser, screenshotPath } from '../support/browser.js';

const PAGE = `<!doctype html>
<html lang="en">
<body>
<ul id="log"></ul>
<script>
  const source = new EventSource('/events');
  source.addEventListener('tick', (e) => {
    const li = document.createElement('li');
    li.textContent = e.lastEventId + ' ' + e.data;
    document.getElementById('log').append(li);
    if (e.lastEventId === '4') source.close();
  });
</script>
</body>
</html>`;

const lastEventIds: (string | undefined)[] = [];
const app = createApp({ logStartup: false, handleSignals: false });
app.get('/', () => Response.html(PAGE));
// The first connection sends three events and ends; the browser reconnects after `retry` ms
// with Last-Event-ID, and the stream resumes after it.
app.get('/events', (req: Request) => {
  const last = req.headers['last-event-id'] as string | undefined;
  lastEventIds.push(last);
  const start = Number(last ?? 0);
  const count = last === undefined ? 3 : 1;
  return Response.sse(
    (async function* () {
      for (let id = start + 1; id <= start + count; id++) yield { id, event: 'tick', data: `event ${id}`, retry: 100 };
    })(),
  );
});
const url = await app.serve({ port: 0 });
const browser = await launchBrowser();
after(async () => {
  await browser.close();
  await app.close();
});

test("Chromium's EventSource receives three events and reconnects with Last-Event-ID", async () => {
  const page = await browser.newPage();
  const foreign: string[] = [];
  await guardLocalOnly(page, (u) => foreign.push(u));
  await page.goto(`${url}/`);
  await page.locator('#log li').nth(3).waitFor();
  assert.deepEqual(await page.locator('#log li').allTextContents(), ['1 event 1', '2 event 2', '3 event 3', '4 event 4']);
  assert.deepEqual(lastEventIds, [undefined, '3']);
  await page.screenshot({ path: screenshotPath('sse-reconnect') });
  assert.deepEqual(foreign, []);
  await page.close();
});
