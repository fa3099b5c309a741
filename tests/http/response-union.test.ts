import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IsInt, IsOptional, IsString } from 'class-validator';
import { anyOf, createApp } from 'zigmund';
import { TestClient } from 'zigmund/testing';

class Cat {
  @IsString()
  name!: string;

  @IsInt()
  lives!: number;

  @IsOptional()
  @IsString()
  color: string | null = null;
}

class Pet {
  @IsString()
  name!: string;
}

function petApp(answer: unknown) {
  const app = createApp();
  app.get('/pet', () => answer, { responseModel: anyOf(Cat, Pet) });
  return new TestClient(app);
}

test('an answer is shaped by the first model of the union it passes, its defaults filled in', async () => {
  const res = await petApp({ name: 'Tom', lives: 9, secret: 'x' }).get('/pet');
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { name: 'Tom', lives: 9, color: null });
});

test('an answer failing the first model is shaped by the next one', async () => {
  const res = await petApp({ name: 'Rex', lives: 'many', secret: 'x' }).get('/pet');
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { name: 'Rex' });
});

test('a class instance returned is checked as it is', async () => {
  const cat = Object.assign(new Cat(), { name: 'Tom', lives: 7 });
  assert.deepEqual((await petApp(cat).get('/pet')).json(), { name: 'Tom', lives: 7, color: null });
});

test('an answer fitting none of the models is a 500, never sent', async () => {
  const res = await petApp({ lives: 9 }).get('/pet');
  assert.equal(res.status, 500);
  assert.deepEqual(res.json(), { detail: 'Internal Server Error' });
});

test('the union is documented as anyOf its models', () => {
  const app = createApp();
  app.get('/pet', () => null, { responseModel: anyOf(Cat, Pet) });
  assert.deepEqual(app.openapi().paths['/pet']!.get!.responses!['200']!.content!['application/json']!.schema, {
    anyOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Pet' }],
  });
  assert.throws(() => anyOf(), TypeError);
});
