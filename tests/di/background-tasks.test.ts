import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BackgroundTasks, Body, Connection, Controller, HttpException, Module, Post, TestClient, WebSocket, bootstrap } from 'zigmund';

test('background tasks run in order after the response is sent; a failing one is logged and the next still runs', async (t) => {
  const logged = t.mock.method(console, 'error', () => undefined);
  const events: string[] = [];
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));

  @Controller()
  class SignupController {
    @Post('/signup', { status: 201 })
    signup(@Body('email') email: string, tasks: BackgroundTasks) {
      tasks.add(async (to: string) => {
        await gate;
        events.push(`welcome ${to}`);
      }, email);
      tasks.addTask(function failingAudit() {
        throw new Error('audit service down');
      });
      tasks.add(() => {
        events.push('metrics');
        done();
      });
      return { email };
    }
  }
  @Module({ controllers: [SignupController] })
  class SignupModule {}

  const res = await new TestClient(await bootstrap(SignupModule)).post('/signup', { json: { email: 'ann@example.com' } });
  assert.equal(res.status, 201);
  assert.deepEqual(res.json(), { email: 'ann@example.com' });
  assert.deepEqual(events, [], 'the response did not wait for the tasks');
  release();
  await finished;
  assert.deepEqual(events, ['welcome ann@example.com', 'metrics']);
  assert.equal(logged.mock.callCount(), 1);
  assert.match(String(logged.mock.calls[0].arguments[0]), /background task failingAudit failed/);
});

test('background tasks added by a handler that then throws do not run', async () => {
  const events: string[] = [];
  @Controller()
  class FailingController {
    @Post('/fail')
    fail(tasks: BackgroundTasks) {
      tasks.add(() => events.push('should not run'));
      throw new HttpException(400, 'nope');
    }
  }
  @Module({ controllers: [FailingController] })
  class FailingModule {}
  const app = await bootstrap(FailingModule);
  assert.equal((await new TestClient(app).post('/fail')).status, 400);
  await app.close();
  assert.deepEqual(events, []);
});

test('a WebSocket handler can schedule background tasks that run after it ends', async () => {
  const events: string[] = [];
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  @Controller()
  class SocketTasksController {
    @WebSocket('/ws')
    async ws(conn: Connection, tasks: BackgroundTasks) {
      tasks.add(() => {
        events.push('task');
        done();
      });
      await conn.sendText('hi');
      events.push('handler end');
    }
  }
  @Module({ controllers: [SocketTasksController] })
  class SocketTasksModule {}
  const conn = await new TestClient(await bootstrap(SocketTasksModule)).websocketConnect('/ws');
  assert.equal((await conn.receive()).text(), 'hi');
  await finished;
  assert.deepEqual(events, ['handler end', 'task']);
});
