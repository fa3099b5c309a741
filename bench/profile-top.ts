// `node dist/bench/profile-top.js <file.cpuprofile | dir> [count]`: the functions with the most
// self time in V8 CPU profiles (from `npm run bench -- --cpu-prof`), summed over the files given.
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
let total = 0;
for (const file of profiles(target)) {
  const profile: Profile = JSON.parse(readFileSync(file, 'utf8'));
  const names = new Map<number, string>();
  for (const { id, callFrame } of profile.nodes) {
    const where = callFrame.url ? `${relative(process.cwd(), callFrame.url.replace('file://', ''))}:${callFrame.lineNumber + 1}` : '';
    names.set(id, `${callFrame.functionName || '(anonymous)'} ${where}`.trim());
  }
  profile.samples.forEach((id, i) => {
    const micros = profile.timeDeltas[i] ?? 0;
    const name = names.get(id)!;
    selfMicros.set(name, (selfMicros.get(name) ?? 0) + micros);
    total += micros;
  });
}
const top = [...selfMicros].sort((a, b) => b[1] - a[1]).slice(0, Number(countArg ?? 25));
for (const [name, micros] of top) console.log(`${((100 * micros) / total).toFixed(1).padStart(5)}%  ${(micros / 1000).toFixed(0).padStart(7)} ms  ${name}`);
