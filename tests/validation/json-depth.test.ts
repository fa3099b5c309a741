import { test } from 'node:test';
import assert from 'node:assert/strict';
import { depthOverflowAt } from '../../src/validation/json-depth.js';

test('depthOverflowAt names the bracket that opens the level past the bound', () => {
  assert.equal(depthOverflowAt('[[[]]]', 3), -1);
  assert.equal(depthOverflowAt('[[[[]]]]', 3), 3);
  assert.equal(depthOverflowAt('{"a":{"b":[1,{"c":{}}]}}', 4), 18);
});

test('depthOverflowAt ignores brackets inside strings, escaped quotes included', () => {
  assert.equal(depthOverflowAt('{"a":"[[[[{{{{"}', 2), -1);
  assert.equal(depthOverflowAt('["\\"[[[[", "\\\\", [[]]]', 3), -1);
  assert.equal(depthOverflowAt('["\\\\", [[[]]]]', 3), 9);
});

test('depthOverflowAt counts siblings at the same level once', () => {
  assert.equal(depthOverflowAt(`[${'[],'.repeat(1000)}[]]`, 2), -1);
});
