// `node dist/bench/profile-top.js <file.cpuprofile | dir> [count]`: the functions with the most
// self time in V8 CPU profiles (from `npm run bench -- --cpu-prof`), summed over the files given.
// Shares are of the busy time: `(idle)` is left out, and so is everything before the first
// request (loading modules, bootstrap), which would otherwise crowd a short run's top.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

// Node's HTTP parser calls this for every request: the profile's first sample of it marks where serving starts.
const FIRST_REQUEST = /^parserOnHeadersComplete |^parserOnIncoming |^onconnection /;

function profiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => profiles(join(path, name))).filter((file) => file.endsWith('.cpuprofile'));
}

const [target, countArg] = process.argv.slice(2);
if (!target) {
  console.error('usage: node dist/bench/profile-top.js <file.cpuprofile | dir> [count]');
  process.exit(2);
}
const selfMicros = new Map<string, number>();
let busy = 0;
let idle = 0;
for (const file of profiles(target)) {
  const profile: Profile = JSON.parse(readFileSync(file, 'utf8'));
  const names = new Map<number, string>();
  for (const { id, callFrame } of profile.nodes) {
    const where = callFrame.url ? `${relative(process.cwd(), callFrame.url.replace('file://', ''))}:${callFrame.lineNumber + 1}` : '';
    names.set(id, `${callFrame.functionName || '(anonymous)'} ${where}`.trim());
  }
  let serving = false;
  profile.samples.forEach((id, i) => {
    const micros = profile.timeDeltas[i] ?? 0;
    const name = names.get(id)!;
    serving ||= FIRST_REQUEST.test(name);
    if (!serving) return;
    if (name === '(idle)') {
      idle += micros;
      return;
    }
    selfMicros.set(name, (selfMicros.get(name) ?? 0) + micros);
    busy += micros;
  });
}
console.log(`busy ${(busy / 1000).toFixed(0)} ms, idle ${(idle / 1000).toFixed(0)} ms since the first request; shares of busy time:`);
const top = [...selfMicros].sort((a, b) => b[1] - a[1]).slice(0, Number(countArg ?? 25));
for (const [name, micros] of top) console.log(`${((100 * micros) / busy).toFixed(1).padStart(5)}%  ${(micros / 1000).toFixed(0).padStart(7)} ms  ${name}`);
