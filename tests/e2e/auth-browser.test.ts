import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { bootstrap } from 'zigmund';
import { AuthModule } from '../../samples/auth/app.js';
import { guardLocalOnly, launchBrowser, screenshotPath } from '../support/browser.js';

const app = await bootstrap(AuthModule, { title: 'Auth sample', version: '1.0', logStartup: false, handleSignals: false });
const url = await app.serve({ port: 0 });
const browser = await launchBrowser();
after(async () => {
  await browser.close();
  await app.close();
});

test("Swagger UI's Authorize logs in with the password flow at /token, then /users/me answers the real user", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const foreign: string[] = [];
  const errors: string[] = [];
  await guardLocalOnly(page, (u) => foreign.push(u));
  page.on('pageerror', (err) => errors.push(err.message));
  const tokenRequests: string[] = [];
  page.on('request', (req) => {
    if (new URL(req.url()).pathname === '/token') tokenRequests.push(req.postData() ?? '');
  });
  await page.goto(`${url}/docs`);

  await page.locator('.auth-wrapper button.authorize').click();
  const dialog = page.locator('.dialog-ux .modal-ux');
  await dialog.locator('#oauth_username').fill('anna');
  await dialog.locator('#oauth_password').fill('anna-secret');
  await dialog.locator('button.modal-btn.auth.authorize').click();
  await dialog.locator('button.modal-btn.auth', { hasText: 'Logout' }).waitFor();
  assert.equal(tokenRequests.length, 1);
  assert.match(tokenRequests[0], /grant_type=password/);
  assert.match(tokenRequests[0], /username=anna/);
  await page.screenshot({ path: screenshotPath('auth-docs-authorized'), fullPage: true });
  await dialog.locator('button.close-modal').click();

  const me = page.locator('#operations-default-AuthController_me');
  await me.locator('.opblock-summary-control').click();
  await me.locator('button.try-out__btn').click();
  await me.locator('button.execute').click();
  const body = me.locator('.live-responses-table .response-col_description pre');
  await body.first().waitFor();
  assert.equal((await me.locator('.live-responses-table .response .response-col_status').first().textContent())?.trim(), '200');
  assert.deepEqual(JSON.parse((await body.first().textContent()) ?? ''), {
    username: 'anna',
    fullName: 'Anna Lind',
    email: 'anna@example.com',
    scopes: ['me', 'items', 'chat'],
  });
  await page.screenshot({ path: screenshotPath('auth-docs-users-me'), fullPage: true });
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
  await page.close();
});
