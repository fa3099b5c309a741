// The generated DTO functions against class-transformer + class-validator, on 10,800 seeded
// inputs: every answer (the instance, or the 422 details) must be the same. A failure prints
// the seed and the input; DTO_FUZZ_SEED=<seed> replays that run.
import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Type } from 'class-transformer';
import {
  Allow, ArrayContains, ArrayMaxSize, ArrayMinSize, ArrayNotEmpty, ArrayUnique, Contains, Equals, IsAlpha, IsArray, IsBoolean,
  IsDateString, IsDefined, IsEmail, IsEmpty, IsEnum, IsIn, IsInt, IsNegative, IsNotEmpty, IsNotEmptyObject, IsNotIn, IsNumber,
  IsNumberString, IsObject, IsOptional, IsPositive, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, MinLength, NotEquals,
  Validate, ValidateIf, ValidateNested, ValidatorConstraint, type ValidationArguments, type ValidatorConstraintInterface,
} from 'class-validator';
import { compileDto, type DtoOptions } from '../../src/validation/dto.js';
import { classValidatorAnswer } from '../support/class-validator-oracle.js';
import { compileDtoFunction } from '../../src/validation/compiled-dto.js';

enum Status {
  Open = 'open',
  Paid = 'paid',
}

@ValidatorConstraint({ name: 'isEven' })
class IsEven implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return typeof value === 'number' && value % 2 === 0;
  }
}

// Reads another property through the arguments, as custom validators may.
@ValidatorConstraint({ name: 'belowLimit' })
class BelowLimit implements ValidatorConstraintInterface {
  validate(value: unknown, args?: ValidationArguments) {
    const limit = (args?.object as { limit?: unknown } | undefined)?.limit;
    return typeof value === 'number' && (typeof limit !== 'number' || value < limit);
  }
}

class Address {
  @IsString()
  @MinLength(1)
  @MaxLength(12)
  street!: string;

  @Matches(/^\d{5}$/)
  zip!: string;

  @IsOptional()
  @IsIn(['de', 'fr', 'us'])
  country?: string;
}

class Line {
  @IsString()
  @IsNotEmpty()
  sku!: string;

  @IsInt()
  @Min(1)
  @Max(99)
  qty!: number;

  @IsNumber({ maxDecimalPlaces: 2 })
  @IsPositive()
  price!: number;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @ArrayUnique()
  @IsString({ each: true })
  tags?: string[];
}

/** Checks that validator.js runs for class-validator. */
class Contact {
  @IsUUID()
  id!: string;

  @IsString()
  @Length(2, 10)
  customer!: string;

  @IsOptional()
  @IsEmail()
  email?: string;

  @IsOptional()
  @IsDateString()
  when?: string;

  @IsOptional()
  @IsNumberString()
  digits?: string;
}

/** Nested objects and lists of them, conditions, an enum. */
class Order {
  @IsEnum(Status)
  status!: Status;

  @IsOptional()
  @IsInt()
  @IsIn([1, 2, 3])
  priority?: number;

  @IsBoolean()
  paid!: boolean;

  @ValidateIf((o: Order) => o.paid === false)
  @IsString()
  @IsNotEmpty()
  note?: string;

  @ValidateNested()
  @Type(() => Address)
  address!: Address;

  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => Line)
  lines!: Line[];

  @IsOptional()
  @ValidateNested()
  @Type(() => Address)
  backup?: Address;

  @IsDefined()
  @Allow()
  anything!: unknown;

  total(): number {
    return this.lines.length;
  }

  get first(): Line | undefined {
    return this.lines[0];
  }
}

/** The other common checks, custom validators among them. */
class Extras {
  @IsOptional()
  @IsObject()
  @IsNotEmptyObject()
  meta?: Record<string, unknown>;

  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(10)
  score?: number;

  @IsOptional()
  @Equals('X')
  code?: string;

  @IsOptional()
  @NotEquals('bad')
  @IsNotIn(['worse'])
  label?: string;

  @IsOptional()
  @Validate(IsEven)
  even?: number;

  @IsOptional()
  @IsNegative()
  debt?: number;

  @IsOptional()
  @IsAlpha()
  @Contains('a')
  letters?: string;

  @IsOptional()
  @ArrayNotEmpty()
  @ArrayContains(['a'])
  flags?: string[];

  @IsEmpty()
  unused?: unknown;

  @IsOptional()
  @IsInt()
  limit?: number;

  @IsOptional()
  @Validate(BelowLimit)
  amount?: number;
}

/** A tree of itself: the generated function looks nested classes up when it meets them. */
class TreeNode {
  @IsString()
  @MaxLength(4)
  name!: string;

  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => TreeNode)
  children?: TreeNode[];
}

/** A default from the constructor, kept when the input leaves it out. */
class Settings {
  @IsInt()
  @Min(1)
  pageSize: number = 20;

  @IsOptional()
  @IsString({ each: true })
  sort?: string[];

  @IsOptional()
  @ValidateNested()
  @Type(() => Address)
  home?: Address;
}

/** mulberry32: a small seeded generator, so a failing run can be replayed. */
function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

type Rand = () => number;
const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)];

const STRINGS = ['', 'a', 'ab', 'abc', 'Zed', 'toolongstreetname', '12345', '1234', '42', '4.5', 'open', 'paid', 'de', 'us', 'xx', 'X', 'bad', 'worse',
  'a@b.co', 'not-an-email', '2026-12-02', '2026-12-02T07:00:00Z', 'yesterday', 'aaa', 'bcd', '7d44a6ad-0d6c-4b8e-9c58-2bb1f4f3a1e2', 'constructor', 'toString'];
const NUMBERS = [0, 1, 2, 3, 4, 7, 10, 11, 99, 100, -1, -2.5, 0.5, 1.25, 1.255, 3.999, 1e21, -0];
const KEYS = ['id', 'customer', 'email', 'status', 'priority', 'paid', 'note', 'address', 'lines', 'backup', 'meta', 'score', 'code', 'label', 'even',
  'debt', 'letters', 'when', 'digits', 'flags', 'unused', 'anything', 'limit', 'amount', 'extra', 'total', 'first', '__proto__', 'constructor',
  'toString', 'name', 'children', 'pageSize', 'sort', 'home', 'street', 'zip', 'country', 'sku', 'qty', 'price', 'tags'];

function anyJson(rand: Rand, depth = 0): unknown {
  switch (Math.floor(rand() * (depth > 2 ? 5 : 9))) {
    case 0: return null;
    case 1: return pick(rand, NUMBERS);
    case 2: return pick(rand, STRINGS);
    case 3: return rand() < 0.5;
    case 4: return Math.floor(rand() * 200) - 50;
    case 5: return Array.from({ length: Math.floor(rand() * 4) }, () => anyJson(rand, depth + 1));
    case 6: return validAddress(rand);
    case 7: return validLine(rand);
    default: {
      const out: Record<string, unknown> = {};
      for (let i = Math.floor(rand() * 3); i > 0; i--) out[pick(rand, KEYS)] = anyJson(rand, depth + 1);
      return out;
    }
  }
}

function validAddress(rand: Rand): Record<string, unknown> {
  const out: Record<string, unknown> = { street: pick(rand, ['Main St', 'a', 'Elm']), zip: pick(rand, ['12345', '99999']) };
  if (rand() < 0.5) out.country = pick(rand, ['de', 'fr', 'us']);
  return out;
}

function validLine(rand: Rand): Record<string, unknown> {
  const out: Record<string, unknown> = { sku: pick(rand, ['A1', 'pen']), qty: 1 + Math.floor(rand() * 98), price: pick(rand, [0.5, 1.25, 3, 99.99]) };
  if (rand() < 0.4) out.tags = pick(rand, [[], ['x'], ['x', 'y']]);
  return out;
}

function validContact(rand: Rand): Record<string, unknown> {
  const out: Record<string, unknown> = { id: '7d44a6ad-0d6c-4b8e-9c58-2bb1f4f3a1e2', customer: pick(rand, ['ann', 'bob', 'Zed']) };
  if (rand() < 0.4) out.email = 'a@b.co';
  if (rand() < 0.4) out.when = pick(rand, ['2026-12-02', '2026-12-02T07:00:00Z']);
  if (rand() < 0.4) out.digits = '42';
  return out;
}

function validOrder(rand: Rand): Record<string, unknown> {
  const paid = rand() < 0.5;
  const out: Record<string, unknown> = {
    status: pick(rand, ['open', 'paid']),
    paid,
    address: validAddress(rand),
    lines: Array.from({ length: 1 + Math.floor(rand() * 3) }, () => validLine(rand)),
    anything: anyJson(rand, 2) ?? 0,
  };
  if (!paid || rand() < 0.3) out.note = 'call first';
  if (rand() < 0.3) out.priority = pick(rand, [1, 2, 3]);
  if (rand() < 0.3) out.backup = validAddress(rand);
  return out;
}

function validExtras(rand: Rand): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const optional: [string, () => unknown][] = [
    ['meta', () => ({ k: 1 })], ['score', () => pick(rand, [0, 5, 10])], ['code', () => 'X'], ['label', () => 'fine'], ['even', () => 4],
    ['debt', () => -3], ['letters', () => 'abc'], ['flags', () => ['a', 'b']], ['limit', () => 10], ['amount', () => 3],
  ];
  for (const [key, value] of optional) if (rand() < 0.3) out[key] = value();
  return out;
}

function validTree(rand: Rand, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = { name: pick(rand, ['a', 'root', 'leaf']) };
  if (depth < 3 && rand() < 0.6) out.children = Array.from({ length: Math.floor(rand() * 3) }, () => validTree(rand, depth + 1));
  return out;
}

function validSettings(rand: Rand): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (rand() < 0.7) out.pageSize = pick(rand, [1, 20, 50]);
  if (rand() < 0.4) out.sort = ['name', 'date'];
  if (rand() < 0.4) out.home = validAddress(rand);
  return out;
}

/** A few edits to a valid value: a replaced, removed or added key, at the top or one level down. */
function mutate(rand: Rand, value: Record<string, unknown>): void {
  for (let edits = Math.floor(rand() * 3); edits > 0; edits--) {
    let target = value;
    const nested = Object.values(value).filter((v): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v));
    const items = Object.values(value).flatMap((v) => (Array.isArray(v) ? v.filter((item): item is Record<string, unknown> => item !== null && typeof item === 'object' && !Array.isArray(item)) : []));
    const where = rand();
    if (where < 0.2 && nested.length > 0) target = pick(rand, nested);
    else if (where < 0.35 && items.length > 0) target = pick(rand, items);
    const action = rand();
    const key = rand() < 0.6 && Object.keys(target).length > 0 ? pick(rand, Object.keys(target)) : pick(rand, KEYS);
    if (action < 0.25) delete target[key];
    else target[key] = anyJson(rand);
  }
}

/** The input as a request body: JSON text, keys shuffled now and then (the instance keeps the input's order). */
function asJson(rand: Rand, value: unknown): string {
  if (rand() < 0.3 && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value);
    for (let i = entries.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [entries[i], entries[j]] = [entries[j], entries[i]];
    }
    value = Object.fromEntries(entries);
  }
  const text = JSON.stringify(value) ?? 'null';
  // JSON.parse keeps "__proto__" as an own key, as it does for request bodies.
  return rand() < 0.05 ? text.replace('"anything"', '"__proto__"').replace('"name"', '"__proto__"') : text;
}

const OPTIONS: DtoOptions[] = [{}, { whitelist: true }, { forbidUnknown: true }];

interface Case {
  dto: Function;
  valid: (rand: Rand) => Record<string, unknown>;
  count: number;
}

const CASES: Case[] = [
  // Weighted by cost: class-validator takes ~0.5 ms for an Order or a Contact, ~0.1 ms for the others.
  { dto: Contact, valid: validContact, count: 1200 },
  { dto: Order, valid: validOrder, count: 1500 },
  { dto: Extras, valid: validExtras, count: 3300 },
  { dto: TreeNode, valid: validTree, count: 2400 },
  { dto: Settings, valid: validSettings, count: 2400 },
];

const checkOptionsOf = (options: DtoOptions) => ({
  whitelist: options.whitelist === true || options.forbidUnknown === true,
  forbidNonWhitelisted: options.forbidUnknown === true,
});

test('the generated DTO functions answer as class-validator on 10,800 seeded inputs', async () => {
  const seed = Number(process.env.DTO_FUZZ_SEED ?? 20261202);
  const rand = seeded(seed);
  let total = 0;
  for (const { dto, valid, count } of CASES) {
    const generated = OPTIONS.map((options) => compileDtoFunction(dto, checkOptionsOf(options)));
    generated.forEach((fn, mode) => assert.ok(fn, `${dto.name} ${JSON.stringify(OPTIONS[mode])}: the generated path must cover this DTO`));
    const compiled = OPTIONS.map((options) => compileDto(dto, options));
    let accepted = 0;
    let compared = 0;
    for (let i = 0; i < count; i++) {
      const mode = i % OPTIONS.length;
      const roll = rand();
      const value = roll < 0.05 ? anyJson(rand) : valid(rand);
      if (roll >= 0.05 && roll < 0.75) mutate(rand, value as Record<string, unknown>);
      const text = asJson(rand, value);
      const where = `seed ${seed}, ${dto.name} #${i}, options ${JSON.stringify(OPTIONS[mode])}, input ${text}`;
      const want = await classValidatorAnswer(dto, JSON.parse(text), ['body'], OPTIONS[mode]);
      const input: unknown = JSON.parse(text);
      // The caller hands the generated function objects only (anything else is a 422 of its own).
      const got = input !== null && typeof input === 'object' && !Array.isArray(input) ? generated[mode]!(input) : undefined;
      if (i % 20 === 0) {
        // The whole validator, the fallback to class-validator's report included.
        const full = await compiled[mode](JSON.parse(text), ['body']);
        if (!want.errors?.[0]?.msg.startsWith('Input could not be converted')) assert.deepStrictEqual(full, want, where);
      }
      // class-transformer itself throws on a nested "constructor" key, which the generated
      // function skips as class-transformer means to: there the answer may be either.
      if (want.errors?.[0]?.msg.startsWith('Input could not be converted')) continue;
      compared++;
      if (want.errors) {
        assert.equal(got, undefined, `${where}: accepted what class-validator refuses (${JSON.stringify(want.errors)})`);
        continue;
      }
      accepted++;
      assert.deepStrictEqual(got, want.value, `${where}: not the instance class-transformer builds`);
      // deepStrictEqual ignores key order; the JSON answered to the client does not.
      assert.equal(JSON.stringify(got), JSON.stringify(want.value), `${where}: key order`);
    }
    total += compared;
    // Both answers must be exercised: enough valid inputs for the instance, enough invalid for the verdict.
    assert.ok(accepted > compared * 0.15 && accepted < compared * 0.85, `${dto.name}: ${accepted} of ${compared} accepted, the mix is off`);
  }
  assert.ok(total >= 10_000, `only ${total} inputs compared`);
});

test('the generated function keeps constructor defaults and class methods', () => {
  const settings = compileDto(Settings)({ home: { street: 'a', zip: '12345' } }, ['body']) as { value: Settings };
  assert.ok(settings.value instanceof Settings);
  assert.equal(settings.value.pageSize, 20);
  assert.ok(settings.value.home instanceof Address);
  const order = validOrder(seeded(1));
  const result = compileDto(Order)(JSON.parse(JSON.stringify(order)), ['body']) as { value: Order };
  assert.ok(!(result instanceof Promise), `a valid Order must be answered synchronously: ${JSON.stringify(order)}`);
  assert.equal(result.value.total(), (order.lines as unknown[]).length);
  assert.ok(result.value.first instanceof Line);
});
