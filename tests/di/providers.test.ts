import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BootstrapError, Controller, Depends, Get, Inject, Injectable, Module, Request, TestClient, bootstrap, dependency } from 'zigmund';

test('an @Injectable() class is one instance per app, injected by constructor type into controllers and providers', async () => {
  let made = 0;
  @Injectable()
  class Clock {
    readonly id = ++made;
  }
  @Injectable()
  class Greeter {
    constructor(readonly clock: Clock) {}
  }
  @Controller()
  class GreetController {
    constructor(private readonly greeter: Greeter) {}

    @Get('/ids')
    ids(clock: Clock) {
      return { controller: this.greeter.clock.id, handler: clock.id };
    }
  }
  @Module({ controllers: [GreetController], providers: [Greeter, Clock] })
  class GreetModule {}
  const client = new TestClient(await bootstrap(GreetModule));
  assert.deepEqual((await client.get('/ids')).json(), { controller: 1, handler: 1 });
  assert.deepEqual((await client.get('/ids')).json(), { controller: 1, handler: 1 });
  assert.equal(made, 1);
});

test('a request-scoped provider is a new instance per request and the same one within a request', async () => {
  let made = 0;
  @Injectable({ scope: 'request' })
  class RequestState {
    readonly id = ++made;
    readonly path: string;
    constructor(req: Request) {
      this.path = req.path;
    }
  }
  const audit = dependency([RequestState], (state: RequestState) => state.id);
  @Controller()
  class StateController {
    @Get('/state')
    state(a: RequestState, b: RequestState, @Depends(audit) fromDependency: number) {
      return { a: a.id, b: b.id, fromDependency, path: a.path };
    }
  }
  @Module({ controllers: [StateController], providers: [RequestState] })
  class StateModule {}
  const client = new TestClient(await bootstrap(StateModule));
  assert.deepEqual((await client.get('/state')).json(), { a: 1, b: 1, fromDependency: 1, path: '/state' });
  assert.deepEqual((await client.get('/state')).json(), { a: 2, b: 2, fromDependency: 2, path: '/state' });
});

test('a request-scoped provider with Symbol.dispose is disposed after its request', async () => {
  const events: string[] = [];
  let done!: () => void;
  const disposed = new Promise<void>((resolve) => (done = resolve));
  @Injectable({ scope: 'request' })
  class Scratch {
    [Symbol.dispose]() {
      events.push('disposed');
      done();
    }
  }
  @Controller()
  class ScratchController {
    @Get('/scratch')
    use(scratch: Scratch) {
      events.push(`handler:${scratch instanceof Scratch}`);
      return 'ok';
    }
  }
  @Module({ controllers: [ScratchController], providers: [Scratch] })
  class ScratchModule {}
  await new TestClient(await bootstrap(ScratchModule)).get('/scratch');
  await disposed;
  assert.deepEqual(events, ['handler:true', 'disposed']);
});

test('value, class and factory providers are injected with @Inject(token) in constructors and handlers', async () => {
  const CONFIG = Symbol('CONFIG');
  interface Config {
    dsn: string;
  }
  abstract class Mailer {
    abstract send(to: string): string;
  }
  @Injectable()
  class ConsoleMailer extends Mailer {
    send(to: string) {
      return `mail to ${to}`;
    }
  }
  @Injectable()
  class Service {
    constructor(
      @Inject(CONFIG) readonly config: Config,
      readonly mailer: Mailer,
      @Inject('URL') readonly url: string,
    ) {}
  }
  @Controller()
  class TokensController {
    constructor(private readonly service: Service) {}

    @Get('/tokens')
    tokens(@Inject('URL') url: string, mailer: Mailer) {
      return { dsn: this.service.config.dsn, mail: mailer.send('ann'), url, same: url === this.service.url };
    }
  }
  @Module({
    controllers: [TokensController],
    providers: [
      Service,
      { provide: CONFIG, useValue: { dsn: 'mem://test' } },
      { provide: Mailer, useClass: ConsoleMailer },
      { provide: 'URL', useFactory: (config: Config) => `${config.dsn}/db`, inject: [CONFIG] },
    ],
  })
  class TokensModule {}
  const res = await new TestClient(await bootstrap(TokensModule)).get('/tokens');
  assert.deepEqual(res.json(), { dsn: 'mem://test', mail: 'mail to ann', url: 'mem://test/db', same: true });
});

test('exported providers are visible to importers, and a re-exported module passes its exports on', async () => {
  @Injectable()
  class Store {
    readonly name = 'store';
  }
  @Module({ providers: [Store], exports: [Store] })
  class StoreModule {}
  @Module({ imports: [StoreModule], exports: [StoreModule] })
  class CoreModule {}
  @Controller()
  class UsesStoreController {
    @Get('/store')
    store(store: Store) {
      return store.name;
    }
  }
  @Module({ imports: [CoreModule], controllers: [UsesStoreController] })
  class AppModule {}
  assert.equal((await new TestClient(await bootstrap(AppModule)).get('/store')).json(), 'store');
});

test('a provider that is not exported fails at bootstrap naming both modules', async () => {
  @Injectable()
  class Secret {}
  @Module({ providers: [Secret] })
  class VaultModule {}
  @Controller()
  class SpyController {
    @Get('/spy')
    spy(secret: Secret) {
      return String(secret);
    }
  }
  @Module({ imports: [VaultModule], controllers: [SpyController] })
  class SpyModule {}
  await assert.rejects(bootstrap(SpyModule), (err: Error) => {
    assert.ok(err instanceof BootstrapError);
    assert.match(err.message, /SpyController\.spy, parameter #0/);
    assert.match(err.message, /Secret is provided by VaultModule but not exported from it/);
    assert.match(err.message, /add it to VaultModule's exports to use it in SpyModule/);
    return true;
  });
});

test('a provider of a module that is not imported fails at bootstrap naming both modules, also in constructors', async () => {
  @Injectable()
  class Db {}
  @Module({ providers: [Db], exports: [Db] })
  class DbModule {}
  @Injectable()
  class Repo {
    constructor(readonly db: Db) {}
  }
  @Module({ providers: [Repo] })
  class RepoModule {}
  @Module({ imports: [DbModule, RepoModule] })
  class RootModule {}
  await assert.rejects(bootstrap(RootModule), /provider Repo \(in RepoModule\): constructor parameter #0: Db is exported by DbModule, which RepoModule does not import; add DbModule to RepoModule's imports/);
});

test('a global module exports its providers to every module', async () => {
  @Injectable()
  class Settings {
    readonly mode = 'test';
  }
  @Module({ providers: [Settings], exports: [Settings], global: true })
  class SettingsModule {}
  @Controller()
  class ModeController {
    @Get('/mode')
    mode(settings: Settings) {
      return settings.mode;
    }
  }
  @Module({ controllers: [ModeController] })
  class FeatureModule {}
  @Module({ imports: [SettingsModule, FeatureModule] })
  class RootModule {}
  assert.equal((await new TestClient(await bootstrap(RootModule)).get('/mode')).json(), 'test');
});

test('the same class provided by two modules is one instance in each', async () => {
  @Injectable()
  class Counter {
    n = 0;
  }
  @Controller('/a')
  class AController {
    @Get('')
    hit(counter: Counter) {
      return ++counter.n;
    }
  }
  @Controller('/b')
  class BController {
    @Get('')
    hit(counter: Counter) {
      return ++counter.n;
    }
  }
  @Module({ controllers: [AController], providers: [Counter] })
  class AModule {}
  @Module({ controllers: [BController], providers: [Counter] })
  class BModule {}
  @Module({ imports: [AModule, BModule] })
  class RootModule {}
  const client = new TestClient(await bootstrap(RootModule));
  assert.equal((await client.get('/a')).text, '1');
  assert.equal((await client.get('/a')).text, '2');
  assert.equal((await client.get('/b')).text, '1');
});

test('a constructor cycle between providers fails at bootstrap naming the chain', async () => {
  @Injectable()
  class Chicken {
    constructor(@Inject('egg') readonly egg: unknown) {}
  }
  @Injectable()
  class Egg {
    constructor(readonly chicken: Chicken) {}
  }
  @Module({ providers: [Chicken, { provide: 'egg', useClass: Egg }] })
  class FarmModule {}
  await assert.rejects(bootstrap(FarmModule), /provider cycle Chicken -> egg -> Chicken/);
});

test('a singleton cannot depend on a request-scoped provider', async () => {
  @Injectable({ scope: 'request' })
  class PerRequest {}
  @Injectable()
  class Forever {
    constructor(readonly perRequest: PerRequest) {}
  }
  @Module({ providers: [Forever, PerRequest] })
  class MixedModule {}
  await assert.rejects(bootstrap(MixedModule), /provider Forever \(in MixedModule\): constructor parameter #0 is the request-scoped PerRequest/);
});
