// Builds PARITY.md — every FastAPI documentation topic with its TypeScript sample, test, status
// and what differs — from the manifests samples/parity/<section>/topics.json and the results
// `npm test` wrote to test-output/test-results.json (scripts/test-results-reporter.mjs).
//
// A status other than "missing" is believed only when the topic's tests ran and passed: at least
// one test in its own test file, and every test anywhere whose name starts with "<topic>: ",
// passed (none failed, skipped or todo). Otherwise this script fails.
//
//   node scripts/parity.mjs           check: fails when a status is not backed, or when PARITY.md
//                                     or README's totals line differ from what it generates (CI)
//   node scripts/parity.mjs --write   writes PARITY.md and README's totals line (npm run parity)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = join(ROOT, 'test-output', 'test-results.json');
const SECTIONS = ['tutorial', 'advanced', 'how-to', 'reference'];
const STATUSES = ['full', 'partial', 'typescript', 'contents', 'missing'];
const STATUS_LABEL = { full: 'full', partial: 'partial', typescript: 'TypeScript counterpart', contents: 'contents only', missing: 'missing' };
// Statuses that claim no sample: nothing is run, so nothing needs to pass.
const UNBACKED = new Set(['contents', 'missing']);
const README_START = '<!-- parity-totals -->';
const README_END = '<!-- /parity-totals -->';

const problems = [];

function loadManifests() {
  const sections = [];
  for (const section of SECTIONS) {
    const file = join(ROOT, 'samples', 'parity', section, 'topics.json');
    if (!existsSync(file)) continue;
    let topics;
    try {
      topics = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      problems.push(`${relative(ROOT, file)}: not valid JSON (${error.message})`);
      continue;
    }
    if (!Array.isArray(topics)) {
      problems.push(`${relative(ROOT, file)}: must be a JSON array of topics`);
      continue;
    }
    sections.push({ section, topics: topics.filter((entry) => validEntry(section, entry)) });
  }
  const seen = new Set();
  for (const { topics } of sections) {
    for (const { topic } of topics) {
      if (seen.has(topic)) problems.push(`${topic}: listed twice`);
      seen.add(topic);
    }
  }
  return sections;
}

function validEntry(section, entry) {
  const where = `samples/parity/${section}/topics.json: ${JSON.stringify(entry?.topic ?? entry)}`;
  if (typeof entry?.topic !== 'string' || !entry.topic.startsWith(`${section}/`)) {
    problems.push(`${where}: "topic" must be a string starting with "${section}/"`);
    return false;
  }
  const before = problems.length;
  if (!STATUSES.includes(entry.status)) problems.push(`${where}: "status" must be one of ${STATUSES.join(', ')}`);
  if (typeof entry.differs !== 'string' || entry.differs.trim() === '' || entry.differs.includes('\n')) {
    problems.push(`${where}: "differs" must be one line of text`);
  }
  checkPath(where, 'sample', entry.sample, `samples/parity/${entry.topic}.ts`);
  checkPath(where, 'test', entry.test, `tests/parity/${entry.topic}.test.ts`);
  if (!UNBACKED.has(entry.status) && (entry.sample === null || entry.test === null)) {
    problems.push(`${where}: a "${entry.status}" topic needs a sample and a test`);
  }
  if (entry.status === 'contents' && (entry.sample !== null || entry.test !== null)) {
    problems.push(`${where}: a "contents" topic is a page without an example: it has no sample or test`);
  }
  return problems.length === before;
}

function checkPath(where, key, value, expected) {
  if (value === null) return;
  if (value !== expected) problems.push(`${where}: "${key}" must be null or "${expected}"`);
  else if (!existsSync(join(ROOT, value))) problems.push(`${where}: ${value} does not exist`);
}

function loadResults() {
  if (!existsSync(RESULTS)) {
    problems.push(`${relative(ROOT, RESULTS)} is missing: run npm test first`);
    return [];
  }
  return readFileSync(RESULTS, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
}

/** Checks that the results back the topic's claimed status. */
function checkBacked(entry, results) {
  if (UNBACKED.has(entry.status)) return;
  const prefix = `${entry.topic}: `;
  const compiledTest = join(ROOT, 'dist', entry.test.replace(/\.ts$/, '.js'));
  const own = results.filter((r) => r.name.startsWith(prefix));
  const notPassed = own.filter((r) => r.outcome !== 'pass');
  for (const r of notPassed) problems.push(`${entry.topic} is "${entry.status}" but its test "${r.name}" ${r.outcome === 'fail' ? 'failed' : `was ${r.outcome}`}`);
  if (!own.some((r) => r.file === compiledTest && r.outcome === 'pass')) {
    problems.push(`${entry.topic} is "${entry.status}" but no test named "${prefix}…" passed in ${entry.test}`);
  }
}

function counts(topics) {
  const tally = { full: 0, partial: 0, typescript: 0, contents: 0, missing: 0, total: topics.length };
  for (const { status } of topics) tally[status] += 1;
  return tally;
}

function totalsRow(label, tally) {
  return `| ${label} | ${tally.full} | ${tally.partial} | ${tally.typescript} | ${tally.contents} | ${tally.missing} | ${tally.total} |`;
}

function cell(text) {
  return text.replaceAll('|', '\\|');
}

function link(path) {
  return path === null ? '—' : `[${path.split('/').pop()}](${path})`;
}

function renderParity(sections) {
  const all = sections.flatMap((s) => s.topics);
  const lines = [
    '# FastAPI parity',
    '',
    'Every topic of [FastAPI\'s documentation](https://fastapi.tiangolo.com/) (its folders `tutorial`, `advanced`,',
    '`how-to`, `reference`) with the Zigmund sample that does the same, the test that replays the',
    'requests and answers the FastAPI page documents, and what differs.',
    '',
    '- **full**: every request/response pair the page (and its tests in FastAPI\'s repository) documents is replayed, with the',
    '  same status and body; where a body differs (class-validator\'s wording of a 422, for one) the last column says how.',
    '- **partial**: the sample runs and its tests pass, but part of the page is not covered (the reason is given).',
    '- **TypeScript counterpart**: the page is about Python (WSGI, dataclasses, pydantic…); the sample shows what a TypeScript user does instead.',
    '- **contents only**: the page is a table of contents with no example of its own (no code block): there is nothing to port.',
    '- **missing**: no sample yet.',
    '',
    'Generated by `scripts/parity.mjs` from `samples/parity/<section>/topics.json` and the results of `npm test`',
    '(a status is counted only when the topic\'s tests passed); do not edit by hand: run `npm test && npm run parity`.',
    '',
    '| Section | Full | Partial | TypeScript counterpart | Contents only | Missing | Topics |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...sections.map((s) => totalsRow(s.section, counts(s.topics))),
    totalsRow('**all**', counts(all)),
  ];
  for (const { section, topics } of sections) {
    lines.push('', `## ${section}`, '', '| Topic | Status | Sample | Test | What differs from FastAPI |', '| --- | --- | --- | --- | --- |');
    for (const t of topics) {
      lines.push(`| ${t.topic} | ${STATUS_LABEL[t.status]} | ${link(t.sample)} | ${link(t.test)} | ${cell(t.differs)} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function renderReadmeLine(sections) {
  const tally = counts(sections.flatMap((s) => s.topics));
  return `${README_START}FastAPI parity, topic by topic: **${tally.full} full, ${tally.partial} partial, ${tally.typescript} TypeScript counterparts, ${tally.contents} contents-only (nothing to port), ${tally.missing} missing** of ${tally.total} — see [PARITY.md](PARITY.md).${README_END}`;
}

function withReadmeLine(readme, line) {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start === -1 || end < start) {
    problems.push(`README.md has no ${README_START}…${README_END} line`);
    return readme;
  }
  return readme.slice(0, start) + line + readme.slice(end + README_END.length);
}

const write = process.argv.includes('--write');
const sections = loadManifests();
const results = loadResults();
for (const { topics } of sections) for (const entry of topics) checkBacked(entry, results);

const parity = renderParity(sections);
const readmePath = join(ROOT, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const newReadme = withReadmeLine(readme, renderReadmeLine(sections));

if (problems.length > 0) {
  console.error(`parity: ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}

const parityPath = join(ROOT, 'PARITY.md');
if (write) {
  writeFileSync(parityPath, parity);
  writeFileSync(readmePath, newReadme);
  console.log(`parity: wrote PARITY.md and README.md's totals (${renderReadmeLine(sections).slice(README_START.length, -README_END.length)})`);
} else {
  const stale = [];
  if (!existsSync(parityPath) || readFileSync(parityPath, 'utf8') !== parity) stale.push('PARITY.md');
  if (newReadme !== readme) stale.push("README.md's totals line");
  if (stale.length > 0) {
    console.error(`parity: ${stale.join(' and ')} ${stale.length > 1 ? 'differ' : 'differs'} from the manifests; run npm test && npm run parity, then commit.`);
    process.exit(1);
  }
  console.log('parity: every status is backed by passing tests; PARITY.md and README are current.');
}
