import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IsInt, IsString } from 'class-validator';
import { createApp } from 'zigmund';

class Base {
  @IsString()
  name!: string;
}

class Renamed extends Base {}

class Extended extends Base {
  @IsInt()
  size!: number;
}

test('a subclass declaring no field of its own is documented with its parent’s fields', () => {
  const app = createApp();
  app.get('/renamed', () => ({ name: 'x' }), { responseModel: Renamed });
  app.get('/extended', () => ({ name: 'x', size: 1 }), { responseModel: Extended });
  const schemas = app.openapi().components!.schemas!;
  assert.deepEqual(schemas.Renamed, { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] });
  assert.deepEqual(schemas.Extended!.required, ['size', 'name']);
});
