import 'reflect-metadata';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bootstrap, Controller, Depends, dependency, Get, Module, Param, Put, Response, type App } from 'zigmund';

const getUsername = dependency([], function* getUsername() {
  yield 'Rick';
});

const tasks = new Map([['foo', 'Listen to the Bar Fighters']]);

@Controller()
class AnswersController {
  @Get('/users/me')
  me(@Depends(getUsername) username: string) {
    return username;
  }

  @Put('/get-or-create-task/:taskId', { status: 200 })
  getOrCreate(@Param('taskId') taskId: string, res: Response) {
    if (!tasks.has(taskId)) {
      tasks.set(taskId, "This didn't exist before");
      res.status(201);
    }
    return tasks.get(taskId);
  }

  @Get('/plain', { contentType: 'text/plain; charset=utf-8' })
  plain() {
    return 'as written';
  }

  @Get('/explicit')
  explicit() {
    return Response.text('as written');
  }
}

@Module({ controllers: [AnswersController] })
class AnswersModule {}

describe('a returned string is JSON', () => {
  let app: App;
  let url: string;
  before(async () => {
    app = await bootstrap(AnswersModule, { logStartup: false });
    url = await app.serve({ port: 0 });
  });
  after(() => app.close());

  test('test_dependencies/test_tutorial008e::test_get_users_me: GET /users/me answers "Rick" as application/json', async () => {
    const res = await fetch(`${url}/users/me`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/json');
    assert.equal(await res.text(), '"Rick"');
  });

  test('test_response_change_status_code::test_path_operation: PUT answers the task as JSON, 200 then 201', async () => {
    const found = await fetch(`${url}/get-or-create-task/foo`, { method: 'PUT' });
    assert.equal(found.status, 200);
    assert.equal(await found.json(), 'Listen to the Bar Fighters');
    const made = await fetch(`${url}/get-or-create-task/bar`, { method: 'PUT' });
    assert.equal(made.status, 201);
    assert.equal(made.headers.get('content-type'), 'application/json');
    assert.equal(await made.json(), "This didn't exist before");
  });

  test("a route's contentType writes the string as it is", async () => {
    const res = await fetch(`${url}/plain`);
    assert.equal(res.headers.get('content-type'), 'text/plain; charset=utf-8');
    assert.equal(await res.text(), 'as written');
  });

  test('Response.text writes the string as text/plain', async () => {
    const res = await fetch(`${url}/explicit`);
    assert.equal(res.headers.get('content-type'), 'text/plain; charset=utf-8');
    assert.equal(await res.text(), 'as written');
  });
});
