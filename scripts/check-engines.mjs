// Fails when a package a user installs with Zigmund (its dependencies and peer dependencies,
// and theirs, as resolved in package-lock.json) requires a newer Node.js than our own
// `engines.node` promises. `npm install --engine-strict` only checks against the Node.js that
// runs it, so it misses a dependency that needs Node 22 when CI runs Node 22; this compares
// the ranges themselves.
import { readFileSync } from 'node:fs';
import semver from 'semver';

const root = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));
const ours = root.engines?.node;
if (!ours) {
  console.error('check-engines: package.json has no engines.node');
  process.exit(1);
}

/** Node's own lookup: the nearest node_modules/<name> from the dependent's folder upwards. */
function resolve(name, from) {
  for (let dir = from; ; dir = dir.slice(0, Math.max(0, dir.lastIndexOf('/node_modules/')))) {
    const path = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    if (lock.packages[path]) return path;
    if (dir === '') return undefined;
  }
}

const requiredBy = new Map();
const queue = Object.keys({ ...root.dependencies, ...root.peerDependencies }).map((name) => ({ name, from: '', chain: [] }));
while (queue.length > 0) {
  const { name, from, chain } = queue.shift();
  const path = resolve(name, from);
  // An optional peer the lockfile does not hold is not installed for users either.
  if (path === undefined || requiredBy.has(path)) continue;
  requiredBy.set(path, [...chain, name]);
  const entry = lock.packages[path];
  for (const dep of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies, ...entry.peerDependencies })) {
    queue.push({ name: dep, from: path, chain: [...chain, name] });
  }
}

const failures = [];
for (const [path, chain] of requiredBy) {
  const { version, engines } = lock.packages[path];
  const theirs = engines?.node;
  if (theirs && !semver.subset(ours, theirs)) failures.push(`${chain.join(' > ')}@${version} requires node ${theirs}`);
}
if (failures.length > 0) {
  console.error(`check-engines: Zigmund promises node ${ours}, but these runtime packages need more:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log(`check-engines: the ${requiredBy.size} runtime packages all run on node ${ours}`);
