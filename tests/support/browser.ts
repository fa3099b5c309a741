import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';

// Playwright already passes --headless (from `headless: true`), --no-sandbox,
// --no-first-run, --disable-background-networking and --disable-component-update,
// and its own fresh --user-data-dir (it rejects ours). They are repeated so this list
// alone says what the machine needs: without the networking flags Chromium keeps
// dialling Google's hosts, which the closed network refuses.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);

// Compiled to dist/tests/support/, three levels below the repository root.
const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Launches Debian's headless Chromium; `node scripts/ensure-test-deps.mjs` installs it. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: run \`node scripts/ensure-test-deps.mjs\``);
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** Aborts every request from `page` whose host is not 127.0.0.1 or localhost, and reports its URL. */
export async function guardLocalOnly(page: Page, onForeign: (url: string) => void): Promise<void> {
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (LOCAL_HOSTS.has(new URL(url).hostname)) return route.continue();
    onForeign(url);
    return route.abort('blockedbyclient');
  });
}

/** Path of `test-output/screenshots/<name>.png` under the repository root; creates the folder. */
export function screenshotPath(name: string): string {
  const dir = join(REPO_ROOT, 'test-output', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, `${name}.png`);
}
