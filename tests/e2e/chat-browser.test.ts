import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { bootstrap } from 'zigmund';
import { ChatModule } from '../../samples/chat/app.js';
import { guardLocalOnly, launchBrowser, screenshotPath } from '../support/browser.js';

const app = await bootstrap(ChatModule, { title: 'Chat', logStartup: false, handleSignals: false });
const url = await app.serve({ port: 0 });
const browser = await launchBrowser();
after(async () => {
  await browser.close();
  await app.close();
});

test('two Chromium pages in the chat sample exchange messages through the Hub', async () => {
  const foreign: string[] = [];
  const [ann, bob] = [await browser.newPage(), await browser.newPage()];
  for (const page of [ann, bob]) await guardLocalOnly(page, (u) => foreign.push(u));
  await ann.goto(`${url}/?room=lobby&name=ann`);
  await ann.locator('#status').filter({ hasText: 'in lobby' }).waitFor();
  await bob.goto(`${url}/?room=lobby&name=bob`);
  await bob.locator('#status').filter({ hasText: 'in lobby' }).waitFor();
  await ann.locator('#log li').filter({ hasText: 'bob joined lobby' }).waitFor();

  await ann.fill('#text', 'hello bob');
  await ann.click('#send button');
  await bob.locator('#log li').filter({ hasText: 'ann: hello bob' }).waitFor();
  await bob.fill('#text', 'hello ann');
  await bob.click('#send button');
  await ann.locator('#log li').filter({ hasText: 'bob: hello ann' }).waitFor();

  assert.deepEqual(await bob.locator('#log li').allTextContents(), ['bob joined lobby', 'ann: hello bob', 'bob: hello ann']);
  await ann.screenshot({ path: screenshotPath('chat-ann') });
  await bob.close();
  await ann.locator('#log li').filter({ hasText: 'bob left lobby' }).waitFor();
  assert.deepEqual(foreign, []);
  await ann.close();
});
