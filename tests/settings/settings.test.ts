import 'reflect-metadata';
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IsBoolean, IsInt, IsOptional, IsString, IsUrl, Max, Min } from 'class-validator';
import { SettingsError, loadSettings } from 'zigmund';

class Settings {
  @IsString()
  appName: string = 'Awesome API';

  @IsString()
  adminEmail!: string;

  @IsInt()
  @Min(1)
  @Max(1000)
  itemsPerUser: number = 50;

  @IsBoolean()
  debug: boolean = false;

  @IsOptional()
  @IsUrl({ require_tld: false })
  databaseUrl?: string;

  @IsOptional()
  @IsString({ each: true })
  allowedHosts?: string[];
}

const dir = mkdtempSync(join(tmpdir(), 'zigmund-settings-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const envFile = join(dir, '.env');
writeFileSync(
  envFile,
  ['# comments and quotes as dotenv reads them', 'ADMIN_EMAIL="admin@example.com"', 'ITEMS_PER_USER=10', 'DEBUG=true', "ALLOWED_HOSTS='[\"a.example\",\"b.example\"]'"].join('\n'),
);

test('settings are read from the .env file, coerced to the declared types, initialisers kept for the rest', () => {
  const settings = loadSettings(Settings, { envFile, env: {} });
  assert.ok(settings instanceof Settings);
  assert.deepEqual({ ...settings }, {
    appName: 'Awesome API',
    adminEmail: 'admin@example.com',
    itemsPerUser: 10,
    debug: true,
    allowedHosts: ['a.example', 'b.example'],
  });
});

test('the environment wins over the .env file', () => {
  const settings = loadSettings(Settings, { envFile, env: { ITEMS_PER_USER: '99', APP_NAME: 'From env' } });
  assert.equal(settings.itemsPerUser, 99);
  assert.equal(settings.appName, 'From env');
  assert.equal(settings.adminEmail, 'admin@example.com');
});

test('process.env is read by default and the .env file never written into it', () => {
  const saved = process.env.ADMIN_EMAIL;
  process.env.ADMIN_EMAIL = 'ops@example.com';
  try {
    const settings = loadSettings(Settings, { envFile });
    assert.equal(settings.adminEmail, 'ops@example.com');
    assert.equal(process.env.ITEMS_PER_USER, undefined);
  } finally {
    if (saved === undefined) delete process.env.ADMIN_EMAIL;
    else process.env.ADMIN_EMAIL = saved;
  }
});

test('a prefix is put before every variable name', () => {
  const settings = loadSettings(Settings, { envFile: false, prefix: 'SHOP_', env: { SHOP_ADMIN_EMAIL: 'x@example.com', ADMIN_EMAIL: 'ignored' } });
  assert.equal(settings.adminEmail, 'x@example.com');
});

test('invalid or missing values throw one SettingsError listing each variable', () => {
  assert.throws(
    () => loadSettings(Settings, { envFile: false, env: { ITEMS_PER_USER: '5000', DEBUG: 'maybe', DATABASE_URL: 'not a url' } }),
    (err: unknown) => {
      assert.ok(err instanceof SettingsError);
      assert.equal(err.code, 'SETTINGS_INVALID');
      const byLoc = Object.fromEntries(err.errors.map((e) => [e.loc.join('.'), e.type]));
      assert.deepEqual(byLoc, {
        DEBUG: 'bool_parsing',
        ADMIN_EMAIL: 'missing',
        ITEMS_PER_USER: 'less_than_equal',
        DATABASE_URL: 'is_url',
      });
      assert.match(err.message, /^Settings: /);
      return true;
    },
  );
});

test('a missing .env file is skipped; a malformed JSON list is reported', () => {
  assert.throws(
    () => loadSettings(Settings, { envFile: join(dir, 'absent.env'), env: { ADMIN_EMAIL: 'a@b.c', ALLOWED_HOSTS: '[oops' } }),
    (err: unknown) => err instanceof SettingsError && err.errors[0].type === 'json_invalid' && err.errors[0].loc[0] === 'ALLOWED_HOSTS',
  );
});
