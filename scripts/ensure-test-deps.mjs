// The browser tests drive Debian's Chromium through playwright-core; playwright's own
// browser download cannot run here, so the system package is the only source.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const CHROMIUM = '/usr/bin/chromium';

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.error) {
    console.error(`zigmund tests: could not run ${command}: ${result.error.message}`);
    return false;
  }
  return result.status === 0;
}

if (existsSync(CHROMIUM)) process.exit(0);

if (process.getuid?.() !== 0) {
  console.error(
    `zigmund tests: Chromium is missing (${CHROMIUM}); the browser tests need it. Install it with:\n` +
      '  sudo apt-get update && sudo apt-get install -y chromium',
  );
  process.exit(1);
}

console.log(
  "zigmund tests: Chromium is missing; installing Debian's chromium with apt-get (needed by the browser tests)…",
);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
const installed =
  run('apt-get', ['update'], env) &&
  run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-liberation'], env);

if (!installed || !existsSync(CHROMIUM)) {
  console.error(`zigmund tests: installing chromium failed; ${CHROMIUM} is still missing.`);
  process.exit(1);
}
