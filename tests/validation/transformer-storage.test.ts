import 'reflect-metadata';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Exclude, Expose, Transform, Type } from 'class-transformer';
import { classTransformerStorage } from '../../src/validation/libraries.js';

class Tag {
  name!: string;
}

class Shaped {
  @Type(() => Tag) tags!: Tag[];
  @Transform(({ value }) => value) plain!: string;
  @Expose() shown!: string;
  @Exclude() hidden!: string;
}

// Zigmund reads class-transformer's store, which has no public reader; these are the fields it
// reads. A failure here names the field an update of class-transformer changed.
test('class-transformer storage keeps the fields Zigmund reads, in the shape it reads them', () => {
  const store = classTransformerStorage() as unknown as Record<string, unknown>;
  for (const field of ['_typeMetadatas', '_transformMetadatas', '_exposeMetadatas', '_excludeMetadatas']) {
    assert.ok(store[field] instanceof Map, `class-transformer storage field ${field} is no longer a Map`);
    assert.ok((store[field] as Map<Function, unknown>).get(Shaped) instanceof Map, `${field} has no per-property Map for a decorated class`);
  }
  assert.equal(typeof store.findTypeMetadata, 'function', 'class-transformer storage lost findTypeMetadata()');
  const record = classTransformerStorage().findTypeMetadata(Shaped, 'tags');
  assert.equal(typeof record?.typeFunction, 'function', 'a @Type() record lost its typeFunction');
  assert.equal(record?.typeFunction?.(), Tag);
  assert.equal(record?.reflectedType, Array, 'a @Type() record lost its reflectedType');
});
