// The tests need two Debian packages: Chromium (the browser tests drive it through
// playwright-core; playwright's own browser download cannot run here) and redis-server
// (the Redis-backed tests start their own server on a free port). Installs what is missing
// when running as root, otherwise prints the command.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const NEEDED = [
  { binary: '/usr/bin/chromium', packages: ['chromium', 'fonts-liberation'] },
  { binary: '/usr/bin/redis-server', packages: ['redis-server'] },
];

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.error) {
    console.error(`zigmund tests: could not run ${command}: ${result.error.message}`);
    return false;
  }
  return result.status === 0;
}

const missing = NEEDED.filter((need) => !existsSync(need.binary));
if (missing.length === 0) process.exit(0);

const packages = missing.flatMap((need) => need.packages);
if (process.getuid?.() !== 0) {
  console.error(
    `zigmund tests: ${missing.map((need) => need.binary).join(', ')} missing; the tests need them. Install with:\n` +
      `  sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`,
  );
  process.exit(1);
}

console.log(`zigmund tests: installing Debian's ${packages.join(' ')} with apt-get (needed by the tests)…`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
const installed =
  run('apt-get', ['update'], env) && run('apt-get', ['install', '-y', '--no-install-recommends', ...packages], env);

const stillMissing = NEEDED.filter((need) => !existsSync(need.binary));
if (!installed || stillMissing.length > 0) {
  console.error(
    `zigmund tests: installing failed; still missing: ${stillMissing.map((need) => need.binary).join(', ')}.`,
  );
  process.exit(1);
}
