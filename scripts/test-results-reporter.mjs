// A reporter for Node's test runner that writes one JSON line per finished test:
// { "file", "name", "nesting", "outcome": "pass" | "fail" | "skip" | "todo" }.
// `npm test` runs it beside the spec reporter, so scripts/parity.mjs reads the results of
// the same run instead of running the tests a second time.
export default async function* testResults(source) {
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { file, name, nesting, skip, todo } = event.data;
    const outcome = event.type === 'test:fail' ? 'fail' : skip !== undefined ? 'skip' : todo !== undefined ? 'todo' : 'pass';
    yield `${JSON.stringify({ file, name, nesting, outcome })}\n`;
  }
}
