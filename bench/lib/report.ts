// Medians, ratios, the markdown tables, the targets of the performance issue, and the SVG chart.
import { PEERS, ZIGMUND } from './peers.js';

export interface PeerResult {
  samples: number[];
  median?: number;
  /** Requests (or messages) per server CPU-second, median over rounds: steadier than rates on a busy machine. */
  perCpuSecond?: number;
  /** The server's CPU use during a run, as a share of its core: below ~0.9 something else limited the rate. */
  serverCpuShare?: number;
  /** Socket errors and timeouts the load generator saw, over all runs (few enough to keep the runs). */
  socketErrors?: number;
  error?: string;
}

export interface WorkloadResult {
  id: string;
  title: string;
  unit: string;
  better: 'higher' | 'lower';
  peers: Record<string, PeerResult>;
}

export function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Zigmund's result divided by `peer`'s. Within one workload, the median of the ratios of each
 * round's two runs: the rounds interleave the servers, so a slow stretch of the shared machine
 * tends to hit both runs of a round, and a pair cancels what two medians would keep. Across
 * workloads (or when a peer missed rounds), the ratio of the medians.
 */
export function ratio(workload: WorkloadResult, peer: string, against: WorkloadResult = workload): number | undefined {
  const ours = workload.peers[ZIGMUND.id];
  const theirs = against.peers[peer];
  if (ours === undefined || theirs === undefined) return undefined;
  const paired = against === workload && ours.samples.length > 0 && ours.samples.length === theirs.samples.length && !theirs.samples.includes(0);
  if (paired) return median(ours.samples.map((value, round) => value / theirs.samples[round]));
  return ours.median === undefined || theirs.median === undefined || theirs.median === 0 ? undefined : ours.median / theirs.median;
}

function formatValue(value: number | undefined, unit: string): string {
  if (value === undefined) return '—';
  if (unit === 'ms' || unit.startsWith('KiB')) return value < 10 ? value.toFixed(2) : value.toFixed(1);
  return Math.round(value).toLocaleString('en-US');
}

const others = () => PEERS.filter((peer) => peer !== ZIGMUND);

/** The medians of every peer, then Zigmund's ratio to each. */
export function markdownTables(workloads: WorkloadResult[]): string {
  const peers = PEERS.filter((peer) => workloads.some((w) => w.peers[peer.id]));
  const head = (first: string, cols: string[]) => `| ${first} | ${cols.join(' | ')} |\n|${' --- |'.repeat(cols.length + 1)}\n`;
  let out = head('Workload (median)', peers.map((peer) => peer.label));
  for (const w of workloads) {
    const cells = peers.map((peer) => {
      const result = w.peers[peer.id];
      return result?.error ? 'failed' : formatValue(result?.median, w.unit);
    });
    out += `| ${w.title}, ${w.unit} (${w.better} is better) | ${cells.join(' | ')} |\n`;
  }
  const rest = others().filter((peer) => peers.includes(peer));
  out += '\n' + head('Zigmund ÷ peer', rest.map((peer) => peer.label));
  for (const w of workloads) {
    const cells = rest.map((peer) => {
      const r = ratio(w, peer.id);
      return r === undefined ? '—' : `${r.toFixed(2)}×`;
    });
    out += `| ${w.title} (${w.better === 'higher' ? '↑' : '↓'}) | ${cells.join(' | ')} |\n`;
  }
  const efficient = workloads.filter((w) => Object.values(w.peers).some((p) => p.perCpuSecond !== undefined));
  if (efficient.length > 0) {
    out += '\n' + head('Per server CPU-second (median)', peers.map((peer) => peer.label));
    for (const w of efficient) {
      out += `| ${w.title}, ${w.unit.replace('/s', '')} | ${peers.map((peer) => formatValue(w.peers[peer.id]?.perCpuSecond, '')).join(' | ')} |\n`;
    }
  }
  const idle = efficient.flatMap((w) =>
    peers.flatMap((peer) => {
      const share = w.peers[peer.id]?.serverCpuShare;
      return share !== undefined && share < 0.9 ? [`${w.title}: ${peer.label} ${Math.round(share * 100)}%`] : [];
    }),
  );
  if (idle.length > 0) {
    out += `\nServer core busy less than 90% of a run (median), so something else limited the rate — other load on the machine or the load generator; the per CPU-second numbers are the steadier comparison there: ${idle.join('; ')}.\n`;
  }
  return out;
}

interface Target {
  text: string;
  value: number | undefined;
  goal: number;
  atLeast: boolean;
}

/** The targets of the performance issue, measured. */
export function targets(workloads: WorkloadResult[]): Target[] {
  const w = (id: string) => workloads.find((x) => x.id === id);
  const r = (id: string, peer: string, againstId = id) => {
    const ours = w(id);
    const theirs = w(againstId);
    return ours && theirs ? ratio(ours, peer, theirs) : undefined;
  };
  return [
    { text: 'hello ≥ 0.95× node:http', value: r('hello', 'raw'), goal: 0.95, atLeast: true },
    { text: 'params + query ≥ 0.95× node:http', value: r('params', 'raw'), goal: 0.95, atLeast: true },
    { text: 'validated POST ≥ 0.95× node:http', value: r('post', 'raw'), goal: 0.95, atLeast: true },
    { text: 'validated POST ≥ 1.0× Fastify (ajv)', value: r('post', 'fastify'), goal: 1.0, atLeast: true },
    { text: 'DI route ≥ 0.75× node:http hello', value: r('di', 'raw', 'hello'), goal: 0.75, atLeast: true },
    { text: 'DI route ≥ 5× NestJS (Express) DI route', value: r('di', 'nest-express'), goal: 5, atLeast: true },
    { text: 'WebSocket echo ≥ 0.95× raw ws messages/s', value: r('ws-throughput', 'raw'), goal: 0.95, atLeast: true },
    { text: 'WebSocket echo ≥ 1.0× corked raw ws messages/s', value: r('ws-throughput', 'raw-corked'), goal: 1.0, atLeast: true },
    { text: 'WebSocket p99 ≤ 1.1× raw ws', value: r('ws-p99', 'raw'), goal: 1.1, atLeast: false },
    { text: 'idle WebSocket memory ≤ 1.0× raw ws', value: r('ws-memory', 'raw'), goal: 1.0, atLeast: false },
    { text: '1,000-route startup ≤ 1.0× Fastify', value: r('startup', 'fastify'), goal: 1.0, atLeast: false },
  ];
}

export function markdownTargets(list: Target[]): string {
  let out = '| Target | Measured | Met |\n| --- | --- | --- |\n';
  for (const t of list) {
    const met = t.value === undefined ? '—' : (t.atLeast ? t.value >= t.goal : t.value <= t.goal) ? 'yes' : 'no';
    out += `| ${t.text} | ${t.value === undefined ? '—' : `${t.value.toFixed(3)}×`} | ${met} |\n`;
  }
  return out;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A bar per workload and peer: Zigmund ÷ peer on a log scale around 1; green where Zigmund is ahead. */
export function svgChart(workloads: WorkloadResult[], subtitle: string): string {
  const rest = others();
  const rows: { label: string; header?: boolean; value?: number; better?: 'higher' | 'lower' }[] = [];
  for (const w of workloads) {
    rows.push({ label: `${w.title} (${w.better} is better)`, header: true });
    for (const peer of rest) if (w.peers[peer.id]) rows.push({ label: `vs ${peer.label}`, value: ratio(w, peer.id), better: w.better });
  }
  const values = rows.flatMap((row) => (row.value ? [Math.abs(Math.log2(row.value))] : []));
  const span = Math.max(1, Math.ceil(Math.max(0, ...values)));
  const [left, plot, rowH, top] = [300, 560, 18, 64];
  const width = left + plot + 80;
  const height = top + rows.length * rowH + 40;
  const x = (r: number) => left + ((Math.log2(r) + span) / (2 * span)) * plot;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="12" y="22" font-size="16" font-weight="bold">Zigmund ÷ peer, per workload (log scale; green: Zigmund ahead)</text>`,
    `<text x="12" y="42" fill="#555">${esc(subtitle)}</text>`,
  ];
  for (let k = -span; k <= span; k++) {
    const r = 2 ** k;
    const gx = x(r).toFixed(1);
    parts.push(`<line x1="${gx}" y1="${top - 6}" x2="${gx}" y2="${height - 30}" stroke="${k === 0 ? '#333' : '#ddd'}"/>`);
    parts.push(`<text x="${gx}" y="${height - 14}" text-anchor="middle" fill="#555">${r >= 1 ? r : `1/${2 ** -k}`}×</text>`);
  }
  rows.forEach((row, i) => {
    const y = top + i * rowH;
    if (row.header) {
      parts.push(`<text x="12" y="${y + 13}" font-weight="bold">${esc(row.label)}</text>`);
      return;
    }
    parts.push(`<text x="${left - 8}" y="${y + 13}" text-anchor="end">${esc(row.label)}</text>`);
    if (row.value === undefined) return;
    const ahead = row.better === 'higher' ? row.value >= 1 : row.value <= 1;
    const [x0, x1] = [x(1), x(row.value)].sort((a, b) => a - b);
    parts.push(`<rect x="${x0.toFixed(1)}" y="${y + 3}" width="${Math.max(1, x1 - x0).toFixed(1)}" height="${rowH - 6}" fill="${ahead ? '#2e9d5b' : '#d0473e'}"/>`);
    parts.push(`<text x="${(x(Math.max(row.value, 1)) + 4).toFixed(1)}" y="${y + 13}">${row.value.toFixed(2)}×</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}
