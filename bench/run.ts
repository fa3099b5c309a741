// `npm run bench [-- --quick] [--only hello,post,…] [--peers zigmund,raw,…] [--load wrk|autocannon] [--cpu-prof]`:
// every workload against every peer in one run; the table on stdout, progress on stderr,
// the numbers in bench/results/latest.json and the chart in docs/benchmarks.svg.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { describeMachine, openFileLimit, pinned, runPinned } from './lib/machine.js';
import { packageVersion, PEERS, serves, versions, type Peer } from './lib/peers.js';
import { markdownTables, markdownTargets, svgChart, targets, type WorkloadResult } from './lib/report.js';
import { FULL, QUICK, type Settings } from './lib/settings.js';
import { ensureWrk } from './lib/wrk.js';
import { HTTP_WORKLOADS } from './lib/http-load.js';
import { log } from './lib/log.js';
import { runHttpWorkload, runStartup, runWsLatency, runWsMemory, runWsThroughput } from './lib/suite.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const WORKLOADS = ['hello', 'params', 'post', 'di', 'ws-throughput', 'ws-latency', 'ws-memory', 'startup'];

interface Report {
  date: string;
  command: string;
  commit: string;
  minutes: number;
  machine: ReturnType<typeof describeMachine>;
  loadGenerator: string;
  versions: Record<string, string>;
  settings: Settings;
  workloads: WorkloadResult[];
  targets: ReturnType<typeof targets>;
}

/** The commit measured, `+` when the work tree differs from it. */
function commit(): string {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  const head = git('rev-parse', '--short', 'HEAD');
  if (head.status !== 0) return 'unknown commit';
  return head.stdout.trim() + (git('status', '--porcelain').stdout.trim() ? '+' : '');
}

function selected<T>(list: T[], names: string | undefined, key: (item: T) => string, what: string): T[] {
  if (!names) return list;
  const wanted = names.split(',');
  const unknown = wanted.filter((name) => !list.some((item) => key(item) === name));
  if (unknown.length > 0) throw new Error(`unknown ${what}: ${unknown.join(', ')} (known: ${list.map(key).join(', ')})`);
  return list.filter((item) => wanted.includes(key(item)));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      peers: { type: 'string' },
      out: { type: 'string', default: join(ROOT, 'bench', 'results', 'latest.json') },
      svg: { type: 'string', default: join(ROOT, 'docs', 'benchmarks.svg') },
      load: { type: 'string', default: 'wrk' },
      'cpu-prof': { type: 'boolean', default: false },
      from: { type: 'string' },
      'node-flags': { type: 'string' },
    },
  });
  if (values.from) return render(JSON.parse(readFileSync(values.from, 'utf8')), values.svg!);
  const preset: Settings = values.quick ? QUICK : FULL;
  const peers: Peer[] = selected(PEERS, values.peers, (peer) => peer.id, 'peer');
  const workloads = selected(WORKLOADS, values.only, (id) => id, 'workload');
  if (values.load !== 'wrk' && values.load !== 'autocannon') throw new Error(`--load is wrk or autocannon, not ${values.load}`);
  const wrk = values.load === 'wrk' ? ensureWrk() : undefined;
  if (values.load === 'wrk' && !wrk) log('warning: wrk is not installed (apt-get install wrk); autocannon generates the HTTP load instead');
  const generator = wrk ? 'wrk' : 'autocannon';
  const loadGenerator = wrk ? `wrk ${wrk}` : `autocannon ${packageVersion('autocannon')}`;
  const settings: Settings = { ...preset, http: { ...preset.http, generator } };
  const idle = Math.min(settings.idleConnections, openFileLimit() - 500);
  if (!pinned()) log('warning: taskset or a second core is missing; servers and load share the CPU');
  if (idle < settings.idleConnections) log(`warning: open-file limit ${openFileLimit()}; idle memory measured with ${idle} connections`);

  const started = Date.now();
  // With --cpu-prof, every selected server writes a V8 profile per workload into
  // bench/results/profiles/<workload>/<peer> (bench/profile-top.js reads them).
  // --node-flags gives every server the same V8 flags (e.g. a larger young generation).
  const shared = values['node-flags']?.split(' ').filter((flag) => flag !== '') ?? [];
  const profiled = (workload: string): Peer[] =>
    peers
      .filter((peer) => serves(peer, workload))
      .map((peer) => ({
        ...peer,
        nodeFlags: [...shared, ...(values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${join(ROOT, 'bench', 'results', 'profiles', workload, peer.id)}`] : [])],
      }));
  const results: WorkloadResult[] = [];
  for (const workload of HTTP_WORKLOADS) {
    if (workloads.includes(workload.id)) results.push(await runHttpWorkload(workload, profiled(workload.id), settings));
  }
  if (workloads.includes('ws-throughput')) results.push(await runWsThroughput(profiled('ws-throughput'), settings));
  if (workloads.includes('ws-latency')) results.push(...(await runWsLatency(profiled('ws-latency'), settings)));
  if (workloads.includes('ws-memory')) results.push(await runWsMemory(peers.filter((peer) => serves(peer, 'ws-memory')).map((peer) => ({ ...peer, nodeFlags: shared })), settings, idle));
  if (workloads.includes('startup')) results.push(await runStartup(profiled('startup'), settings));

  const machine = describeMachine();
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  const report: Report = {
    date: new Date().toISOString(),
    command,
    commit: commit(),
    minutes: Number(((Date.now() - started) / 60_000).toFixed(1)),
    machine,
    loadGenerator,
    versions: versions(),
    settings: { ...settings, idleConnections: idle },
    workloads: results,
    targets: targets(results),
  };
  mkdirSync(dirname(values.out!), { recursive: true });
  writeFileSync(values.out!, JSON.stringify(report, null, 2) + '\n');
  log(`done in ${report.minutes} min; wrote ${relative(process.cwd(), values.out!)}`);
  render(report, values.svg!);
}

/** Prints the tables of a run and draws its chart; `--from results.json` does only this. */
function render(report: Pick<Report, 'date' | 'command' | 'commit' | 'loadGenerator' | 'machine' | 'versions' | 'workloads'>, svg: string): void {
  const { machine } = report;
  const subtitle = `${report.date.slice(0, 10)} · ${report.commit} · ${machine.cores} × ${machine.cpu} · node ${report.versions.node} · HTTP load: ${report.loadGenerator} · ${report.command}`;
  mkdirSync(dirname(svg), { recursive: true });
  writeFileSync(svg, svgChart(report.workloads, subtitle));
  log(`wrote ${relative(process.cwd(), svg)}`);
  process.stdout.write(`\n${subtitle}\n\n${markdownTables(report.workloads)}\n${markdownTargets(targets(report.workloads))}`);
}

if (runPinned(import.meta.url)) await main();
