import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { IsString, ValidateNested } from 'class-validator';
import { Body, BootstrapError, Controller, Module, Post, bootstrap } from 'zigmund';

// An app whose own class-transformer is not the one Zigmund resolves, as a `file:` install of
// Zigmund beside the app's node_modules gives: the copy is loaded from another folder.
const ours = realpathSync(dirname(createRequire(import.meta.url).resolve('class-transformer/package.json')));
const appDir = mkdtempSync(join(tmpdir(), 'zigmund-two-copies-'));
const theirs = join(realpathSync(appDir), 'node_modules', 'class-transformer');
cpSync(ours, theirs, { recursive: true });
const { Type } = createRequire(join(appDir, 'app.js'))('class-transformer') as typeof import('class-transformer');

class Child {
  @IsString()
  name!: string;
}

class Parent {
  @ValidateNested()
  child!: Child;
}
// The app's @Type(), from its own copy.
Type(() => Child)(Parent.prototype, 'child');

@Controller()
class ParentController {
  @Post('/parents')
  create(@Body() parent: Parent) {
    return { name: parent.child.name };
  }
}

@Module({ controllers: [ParentController] })
class AppModule {}

test('a second copy of class-transformer stops bootstrap with an error naming both paths, instead of failing nested DTOs silently', async () => {
  try {
    await assert.rejects(bootstrap(AppModule, { logStartup: false, handleSignals: false }), (err: unknown) => {
      assert.ok(err instanceof BootstrapError, String(err));
      assert.match(err.message, /class-transformer is loaded from 2 places/);
      assert.ok(err.message.includes(ours), `names Zigmund's copy ${ours}: ${err.message}`);
      assert.ok(err.message.includes(theirs), `names the app's copy ${theirs}: ${err.message}`);
      assert.match(err.message, /peer dependency of zigmund/);
      return true;
    });
  } finally {
    rmSync(appDir, { recursive: true, force: true });
  }
});
