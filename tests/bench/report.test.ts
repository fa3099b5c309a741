import assert from 'node:assert/strict';
import { test } from 'node:test';
import { markdownTargets, median, ratio, targets, type WorkloadResult } from '../../bench/lib/report.js';

function workload(id: string, samples: Record<string, number[]>): WorkloadResult {
  const peers = Object.fromEntries(Object.entries(samples).map(([peer, values]) => [peer, { samples: values, median: median(values) }]));
  return { id, title: id, unit: 'req/s', better: 'higher', peers };
}

test('a ratio within a workload is the median of the per-round ratios, not the ratio of the medians', () => {
  // Round 2 was slow for both servers: paired, it cancels; the medians would read 20/30.
  const hello = workload('hello', { zigmund: [30, 10, 20], raw: [30, 10, 40] });
  assert.equal(ratio(hello, 'raw'), 1);
  assert.equal(median([30, 10, 20])! / median([30, 10, 40])!, 2 / 3);
});

test('a peer that missed rounds, or a ratio across workloads, falls back to the ratio of the medians', () => {
  const partial = workload('params', { zigmund: [10, 20, 30], raw: [40, 40] });
  assert.equal(ratio(partial, 'raw'), 0.5);
  const hello = workload('hello', { zigmund: [50, 50], raw: [100, 100, 100] });
  const di = workload('di', { zigmund: [75, 80, 70], raw: [1, 1, 1] });
  assert.equal(ratio(di, 'raw', hello), 0.75);
  assert.equal(ratio(di, 'fastify'), undefined);
});

test('targets read the DI route against raw hello and mark what is met', () => {
  const list = targets([
    workload('hello', { zigmund: [96, 96], raw: [100, 100] }),
    workload('di', { zigmund: [70, 70], raw: [90, 90], 'nest-express': [10, 10] }),
  ]);
  const byText = new Map(list.map((t) => [t.text, t.value]));
  assert.equal(byText.get('hello ≥ 0.95× node:http'), 0.96);
  assert.equal(byText.get('DI route ≥ 0.75× node:http hello'), 0.7);
  assert.equal(byText.get('DI route ≥ 5× NestJS (Express) DI route'), 7);
  assert.equal(byText.get('WebSocket p99 ≤ 1.1× raw ws'), undefined);
  const table = markdownTargets(list);
  assert.match(table, /\| hello ≥ 0\.95× node:http \| 0\.960× \| yes \|/);
  assert.match(table, /\| DI route ≥ 0\.75× node:http hello \| 0\.700× \| no \|/);
  assert.match(table, /\| WebSocket p99 ≤ 1\.1× raw ws \| — \| — \|/);
});
