// `node dist/bench/response-model.js [--quick]`: a responseModel answer serialised the old way
// (filter the declared fields, then JSON.stringify) and the new way (fast-json-stringify,
// compiled once), in the same process, alternating: serialisations per second of each, the
// ratio, and what compiling costs at bootstrap. About 10 s (2 s with --quick).
import 'reflect-metadata';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsDate, IsInt, IsNumber, IsOptional, IsString, ValidateNested } from 'class-validator';
import { median, timePerCall } from './lib/in-process.js';
import { runPinned } from './lib/machine.js';
import { compileModelFilter } from '../src/validation/response-model.js';
import { compileResponseSerializer } from '../src/validation/response-serializer.js';

class Owner {
  @IsInt()
  id!: number;

  @IsString()
  name!: string;

  @IsString()
  email!: string;
}

class Item {
  @IsInt()
  id!: number;

  @IsString()
  name!: string;

  @IsString()
  description!: string;

  @IsNumber()
  price!: number;

  @IsInt()
  stock!: number;

  @IsBoolean()
  active!: boolean;

  @IsString()
  sku!: string;

  @IsDate()
  createdAt!: Date;

  @IsOptional()
  @IsString()
  note?: string | null;

  @ValidateNested()
  @Type(() => Owner)
  owner!: Owner;

  @IsArray()
  @IsString({ each: true })
  tags!: string[];
}

// What a handler typically returns: the stored record, with fields the model keeps out.
const item = (id: number) => ({
  id,
  name: `Item ${id}`,
  description: 'A sturdy pen with "blue" ink',
  price: 12.5,
  stock: 40,
  active: true,
  sku: `SKU-${id}`,
  createdAt: new Date(Date.UTC(2024, 0, 2)),
  note: null,
  owner: { id: 7, name: 'ann', email: 'ann@example.com', passwordHash: 'x'.repeat(60) },
  tags: ['office', 'blue', 'pen'],
  internalCost: 3.2,
  supplierId: 99,
});

type Serialize = (value: unknown) => string;

/** Serialisations per second of `serialize` over `value` for about `ms` milliseconds. */
const rate = (serialize: Serialize, value: unknown, ms: number) => 1e9 / timePerCall(() => serialize(value), ms);

function compare(label: string, model: Function | [Function], value: unknown, rounds: number, ms: number): void {
  const filter = compileModelFilter(model);
  const before: Serialize = (v) => JSON.stringify(filter(v));
  const after = compileResponseSerializer(model);
  assert.equal(after(value), before(value), 'both ways must write the same JSON');
  rate(before, value, ms / 2);
  rate(after, value, ms / 2);
  const old: number[] = [];
  const fresh: number[] = [];
  for (let round = 0; round < rounds; round++) {
    old.push(rate(before, value, ms));
    fresh.push(rate(after, value, ms));
  }
  const [o, n] = [median(old), median(fresh)];
  const fmt = (x: number) => `${Math.round(x).toLocaleString('en-US').padStart(11)} /s`;
  console.log(`${label.padEnd(18)} filter + JSON.stringify ${fmt(o)}   fast-json-stringify ${fmt(n)}   ratio ${(n / o).toFixed(2)}×`);
}

function main(): void {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
  const [rounds, ms] = values.quick ? [3, 150] : [5, 400];

  let start = performance.now();
  compileResponseSerializer(Item);
  const first = performance.now() - start;
  // Distinct classes, so none is served from the per-class cache.
  const more = Array.from({ length: 20 }, () => class extends Item {});
  start = performance.now();
  for (const model of more) compileResponseSerializer(model);
  const next = (performance.now() - start) / more.length;
  console.log(`compile: first model ${first.toFixed(1)} ms (loads fast-json-stringify), then ${next.toFixed(2)} ms a model`);

  compare('one Item', Item, item(1), rounds, ms);
  compare('[Item] × 50', [Item], Array.from({ length: 50 }, (_, i) => item(i)), rounds, ms);
}

if (runPinned(import.meta.url)) main();
