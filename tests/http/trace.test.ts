import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Controller, Module, Request, TestClient, Trace, bootstrap } from 'zigmund';

@Controller('/items')
class ItemsController {
  @Trace('/:id')
  trace(req: Request) {
    return { method: req.method, path: req.path };
  }
}

@Module({ controllers: [ItemsController] })
class AppModule {}

test('@Trace declares a TRACE route, answered and documented like the other verbs', async () => {
  const app = await bootstrap(AppModule);
  const res = await new TestClient(app).trace('/items/3');
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { method: 'TRACE', path: '/items/3' });
  assert.equal(app.openapi().paths['/items/{id}']!.trace!.operationId, 'ItemsController_trace');
});
