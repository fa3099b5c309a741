import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Transform, Type } from 'class-transformer';
import {
  Allow, IsArray, IsBoolean, IsDefined, IsEmail, IsEnum, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min,
  MinLength, Validate, ValidateIf, ValidateNested, ValidatorConstraint, type ValidatorConstraintInterface,
} from 'class-validator';
import { compileDto, type DtoOptions } from '../../src/validation/dto.js';
import { classValidatorAnswer } from '../support/class-validator-oracle.js';

enum Kind {
  Tool = 'tool',
  Toy = 'toy',
}

@ValidatorConstraint({ name: 'isEven' })
class IsEven implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return typeof value === 'number' && value % 2 === 0;
  }

  defaultMessage() {
    return '$property must be even';
  }
}

@ValidatorConstraint({ name: 'slowCheck', async: true })
class SlowCheck implements ValidatorConstraintInterface {
  async validate(value: unknown) {
    return value !== 'forbidden';
  }
}

class Tag {
  @IsString()
  @MaxLength(5)
  label!: string;

  @IsOptional()
  @IsInt()
  weight?: number;
}

class Base {
  @IsString()
  @MinLength(2)
  name!: string;
}

class Item extends Base {
  @IsNumber()
  @Min(0)
  @Max(1000)
  price!: number;

  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  keywords?: string[];

  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => Tag)
  tags?: Tag[];

  @IsOptional()
  @ValidateNested()
  @Type(() => Tag)
  main?: Tag;

  @IsOptional()
  @IsEnum(Kind)
  kind?: Kind;

  @IsOptional()
  @IsIn([1, 2, 3])
  level?: number;

  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @IsOptional()
  @IsEmail()
  email?: string;

  @IsOptional()
  @Matches(/^[a-z]+-\d+$/)
  sku?: string;

  @IsOptional()
  @Validate(IsEven)
  even?: number;

  @ValidateIf((o: Item) => o.active === true)
  @IsString()
  reason?: string;

  @IsDefined()
  @Allow()
  anything!: unknown;

  summary(): string {
    return `${this.name}: ${this.price}`;
  }

  get label(): string {
    return this.name;
  }
}

class Untyped {
  @IsOptional()
  @ValidateNested()
  inner?: object;

  @IsInt()
  n!: number;
}

class AsyncDto {
  @Validate(SlowCheck)
  @IsString()
  word!: string;
}

class Grouped {
  @IsString({ groups: ['create'] })
  @IsOptional()
  name?: string;
}

class Transformed {
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  text!: string;
}

/** A deterministic pseudo-random source, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function anyJson(rand: () => number, depth = 0): unknown {
  const pick = Math.floor(rand() * (depth > 2 ? 6 : 9));
  switch (pick) {
    case 0: return null;
    case 1: return Math.floor(rand() * 2000) - 500;
    case 2: return rand() * 10;
    case 3: return ['ab', 'x', 'toy', 'tool', 'abc-12', 'a@b.co', '', 'forbidden', 'toString'][Math.floor(rand() * 9)];
    case 4: return rand() < 0.5;
    case 5: return [2, 4, 3][Math.floor(rand() * 3)];
    case 6: return Array.from({ length: Math.floor(rand() * 3) }, () => anyJson(rand, depth + 1));
    case 7: return { label: anyJson(rand, depth + 1), weight: anyJson(rand, depth + 1) };
    default: return { [['label', 'toString', '__proto__', 'constructor', 'extra', 'summary'][Math.floor(rand() * 6)]]: anyJson(rand, depth + 1) };
  }
}

const VALID_ITEM = {
  name: 'pen', price: 10, keywords: ['a'], tags: [{ label: 'x', weight: 1 }], main: { label: 'm' }, kind: 'tool', level: 2,
  active: true, email: 'a@b.co', sku: 'abc-12', even: 4, reason: 'why', anything: 0,
};

const FIELDS = [...Object.keys(VALID_ITEM), 'extra', 'toString', 'summary', 'label', '__proto__', 'constructor'];

function mutate(base: Record<string, unknown>, rand: () => number): unknown {
  const out: Record<string, unknown> = JSON.parse(JSON.stringify(base));
  const edits = 1 + Math.floor(rand() * 3);
  for (let i = 0; i < edits; i++) {
    const field = FIELDS[Math.floor(rand() * FIELDS.length)];
    if (rand() < 0.25) delete out[field];
    else out[field] = anyJson(rand);
  }
  // JSON.parse keeps "__proto__" as an own key, as it does for request bodies.
  return JSON.parse(JSON.stringify(out).replace('"extra"', rand() < 0.1 ? '"__proto__"' : '"extra"'));
}

async function assertSameAnswers(dto: Function, inputs: unknown[], options: DtoOptions = {}) {
  const compiled = compileDto(dto, options);
  let compared = 0;
  let valid = 0;
  for (const input of inputs) {
    const got = await compiled(structuredClone(input), ['body']);
    if (got.value !== undefined) valid++;
    assert.ok(got.value !== undefined || (got.errors?.length ?? 0) > 0);
    const want = await classValidatorAnswer(dto, structuredClone(input), ['body'], options);
    // class-transformer itself crashes on some hostile keys; there we only need a clean answer.
    if (want.errors?.[0]?.msg.startsWith('Input could not be converted')) continue;
    assert.deepStrictEqual(got, want, `different answers for ${JSON.stringify(input)}`);
    compared++;
  }
  assert.ok(compared > inputs.length * 0.8, `only ${compared} of ${inputs.length} inputs compared`);
  return valid;
}

test('compiled DTO checks answer exactly as class-validator on valid and invalid inputs', async () => {
  const rand = random(42);
  const inputs: unknown[] = [VALID_ITEM, { ...VALID_ITEM, extra: 1 }, {}, { name: 'ab', price: 0, anything: null }];
  for (let i = 0; i < 600; i++) inputs.push(rand() < 0.8 ? mutate(VALID_ITEM, rand) : anyJson(rand));
  const valid = await assertSameAnswers(Item, inputs);
  assert.ok(valid >= 50, `only ${valid} valid inputs: the compiled success path was barely exercised`);
  await assertSameAnswers(Item, inputs, { whitelist: true });
  await assertSameAnswers(Item, inputs, { forbidUnknown: true });
});

test('the compiled path answers valid input without a promise', () => {
  const result = compileDto(Item)(structuredClone(VALID_ITEM), ['body']);
  assert.ok(!(result instanceof Promise), 'a supported DTO should be validated synchronously');
  const value = (result as { value: Item }).value;
  assert.ok(value instanceof Item);
  assert.ok(value.tags![0] instanceof Tag);
  assert.ok(value.main instanceof Tag);
  assert.equal(value.summary(), 'pen: 10');
});

test('nested objects without @Type(), custom, async, grouped and transformed DTOs agree with class-validator', async () => {
  const rand = random(7);
  const untyped: unknown[] = [{ n: 1 }, { n: 1, inner: {} }, { n: 1, inner: { a: 1 } }, { n: 'x', inner: 3 }];
  for (let i = 0; i < 100; i++) untyped.push({ n: anyJson(rand), inner: anyJson(rand) });
  await assertSameAnswers(Untyped, untyped);
  await assertSameAnswers(AsyncDto, [{ word: 'fine' }, { word: 'forbidden' }, { word: 3 }, {}]);
  await assertSameAnswers(Grouped, [{}, { name: 1 }, { name: 'x' }]);
  await assertSameAnswers(Transformed, [{ text: '  hi ' }, { text: '   ' }, { text: 5 }, {}]);
});

test('DTOs the compiled path does not cover fall back to class-validator (a promise)', () => {
  assert.ok(compileDto(AsyncDto)({ word: 'fine' }, ['body']) instanceof Promise);
  assert.ok(compileDto(Transformed)({ text: 'x' }, ['body']) instanceof Promise);
});
