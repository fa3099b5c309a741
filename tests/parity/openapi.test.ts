// One test over every parity sample: each App a sample exports documents itself with an
// OpenAPI document valid against the official OpenAPI 3.1 schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Validator } from '@seriousme/openapi-schema-validator';
import { App } from 'zigmund';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const sections = ['tutorial', 'advanced', 'how-to', 'reference'];

const samples = sections.flatMap((section) => {
  const manifest = `${repoRoot}samples/parity/${section}/topics.json`;
  if (!existsSync(manifest)) return [];
  const topics = JSON.parse(readFileSync(manifest, 'utf8')) as { topic: string; sample: string | null }[];
  return topics.filter((t) => t.sample !== null).map((t) => t.topic);
});

test('the parity manifests list samples', () => {
  assert.ok(samples.length > 0);
});

for (const topic of samples) {
  test(`${topic}: every app of the sample has a valid OpenAPI 3.1 document`, async () => {
    const exports = (await import(new URL(`../../samples/parity/${topic}.js`, import.meta.url).href)) as Record<string, unknown>;
    const apps = Object.entries(exports).filter((entry): entry is [string, App] => entry[1] instanceof App);
    assert.ok(apps.length > 0, `samples/parity/${topic}.ts exports no App`);
    for (const [name, app] of apps) {
      const result = await new Validator().validate(app.openapi() as never);
      assert.deepEqual(result.errors, undefined, `${name}: ${JSON.stringify(result.errors)}`);
      assert.equal(result.valid, true, name);
    }
  });
}
