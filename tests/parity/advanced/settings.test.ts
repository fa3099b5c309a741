import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SettingsError, loadSettings } from 'zigmund';
import { TestClient } from 'zigmund/testing';
import { Settings, app, clearSettingsCache, getSettings, sources } from '../../../samples/parity/advanced/settings.js';

const client = new TestClient(app);

test('advanced/settings: read from the environment, defaults kept', async () => {
  Object.assign(sources, { env: { ADMIN_EMAIL: 'admin@example.com' }, envFile: false });
  clearSettingsCache();
  const res = await client.get('/info');
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { app_name: 'Awesome API', admin_email: 'admin@example.com', items_per_user: 50 });
});

test('advanced/settings: a required setting missing is one validation error naming it', () => {
  assert.throws(
    () => loadSettings(Settings, { env: {}, envFile: false }),
    (err: unknown) => {
      assert.ok(err instanceof SettingsError);
      assert.deepEqual(err.errors.map((e) => [e.type, e.loc, e.msg]), [['missing', ['ADMIN_EMAIL'], 'Field required']]);
      return true;
    },
  );
});

test('advanced/settings: tests override the settings dependency', async () => {
  app.dependencyOverrides.set(getSettings, () => Object.assign(new Settings(), { adminEmail: 'testing_admin@example.com' }));
  try {
    const res = await client.get('/info');
    assert.deepEqual(res.json(), { app_name: 'Awesome API', admin_email: 'testing_admin@example.com', items_per_user: 50 });
  } finally {
    app.dependencyOverrides.clear();
  }
});

test('advanced/settings: read from a .env file, the environment winning over it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'settings-'));
  try {
    const envFile = join(dir, '.env');
    writeFileSync(envFile, 'ADMIN_EMAIL="deadpool@example.com"\nAPP_NAME="ChimichangApp"\nITEMS_PER_USER=5\n');
    Object.assign(sources, { env: { ITEMS_PER_USER: '7' }, envFile });
    clearSettingsCache();
    const res = await client.get('/info');
    assert.deepEqual(res.json(), { app_name: 'ChimichangApp', admin_email: 'deadpool@example.com', items_per_user: 7 });
    // Cached: the file is read once, as @lru_cache does.
    writeFileSync(envFile, 'ADMIN_EMAIL="other@example.com"\n');
    assert.deepEqual((await client.get('/info')).json(), { app_name: 'ChimichangApp', admin_email: 'deadpool@example.com', items_per_user: 7 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
