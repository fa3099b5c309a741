import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bootstrap, Controller, createApp, csrf, Form, Module, Post, Response, TestClient, type Request } from 'zigmund';

function appWith(options?: Parameters<typeof csrf>[0]) {
  const app = createApp({ logStartup: false });
  app.get('/form', (req: Request) => Response.html(`<form method="post"><input type="hidden" name="_csrf" value="${req.csrfToken()}"></form>`));
  app.post('/transfer', async (req: Request) => ({ done: true, amount: (await req.form()).fields.get('amount')?.[0] ?? null }));
  app.post('/api/transfer', () => ({ done: true }));
  app.use(csrf(options));
  return new TestClient(app);
}

function tokenCookie(res: { headers: Record<string, unknown> }, name = 'csrftoken'): string | undefined {
  const line = [res.headers['set-cookie']].flat().find((l) => typeof l === 'string' && l.startsWith(`${name}=`)) as string | undefined;
  return line;
}

test('a safe request gets a readable token cookie, the same token req.csrfToken() puts in the form', async () => {
  const client = appWith();
  const page = await client.get('/form');
  assert.equal(page.status, 200);
  const line = tokenCookie(page)!;
  assert.match(line, /^csrftoken=[\w-]{43}; Path=\/; SameSite=Lax$/, 'not HttpOnly: the page reads it');
  const token = line.slice('csrftoken='.length, line.indexOf(';'));
  assert.ok(page.text.includes(`value="${token}"`));
  // A request that already has a token keeps it: no new cookie.
  const again = await client.get('/form', { cookies: { csrftoken: token } });
  assert.equal(tokenCookie(again), undefined);
  assert.ok(again.text.includes(`value="${token}"`));
});

test('an unsafe request is accepted with the token in the header or the _csrf form field', async () => {
  const client = appWith();
  const line = tokenCookie(await client.get('/form'))!;
  const token = line.slice('csrftoken='.length, line.indexOf(';'));
  const byHeader = await client.post('/api/transfer', { cookies: { csrftoken: token }, headers: { 'x-csrf-token': token }, json: {} });
  assert.equal(byHeader.status, 200);
  const byForm = await client.post('/transfer', { cookies: { csrftoken: token }, form: { _csrf: token, amount: '10' } });
  assert.equal(byForm.status, 200);
  assert.deepEqual(byForm.json(), { done: true, amount: '10' }, 'the route still reads the form');
});

@Controller('/pay')
class PayController {
  @Post()
  pay(@Form('amount') amount: string) {
    return { amount };
  }
}

@Module({ controllers: [PayController] })
class PayModule {}

test('a form route reading its fields by @Form() still gets them after csrf() read the token', async () => {
  const app = await bootstrap(PayModule, { logStartup: false });
  app.use(csrf());
  const token = 'A'.repeat(43);
  const res = await new TestClient(app).post('/pay', { cookies: { csrftoken: token }, form: { _csrf: token, amount: '7' } });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), { amount: '7' });
});

test('a missing cookie, a missing token or a different token is a 403', async () => {
  const client = appWith();
  const token = 'B'.repeat(43);
  const cases: [Parameters<TestClient['post']>[1], RegExp][] = [
    [{ headers: { 'x-csrf-token': token } }, /CSRF cookie missing/],
    [{ cookies: { csrftoken: token } }, /CSRF token missing/],
    [{ cookies: { csrftoken: token }, headers: { 'x-csrf-token': 'C'.repeat(43) } }, /CSRF token mismatch/],
    [{ cookies: { csrftoken: token }, headers: { 'x-csrf-token': token.slice(1) } }, /CSRF token mismatch/],
    [{ cookies: { csrftoken: token }, form: { _csrf: 'wrong' } }, /CSRF token mismatch/],
    [{ cookies: { csrftoken: 'not a token' }, headers: { 'x-csrf-token': 'not a token' } }, /CSRF cookie missing/],
  ];
  for (const [options, detail] of cases) {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const res = await client.request(method, '/api/transfer', options);
      assert.equal(res.status, 403, `${method} ${JSON.stringify(options)}`);
      assert.match(res.json<{ detail: string }>().detail, detail);
    }
  }
});

test('options rename the cookie, header and field', async () => {
  const client = appWith({ cookieName: 'xsrf', headerName: 'X-XSRF-TOKEN', fieldName: 'token', httpsOnly: true, sameSite: 'strict' });
  const line = tokenCookie(await client.get('/form'), 'xsrf')!;
  assert.match(line, /; Path=\/; Secure; SameSite=Strict$/);
  const token = line.slice('xsrf='.length, line.indexOf(';'));
  assert.equal((await client.post('/api/transfer', { cookies: { xsrf: token }, headers: { 'x-xsrf-token': token } })).status, 200);
  assert.equal((await client.post('/transfer', { cookies: { xsrf: token }, form: { token } })).status, 200);
  assert.throws(() => csrf({ sameSite: 'none' as 'lax' }), /sameSite must be lax or strict/);
});
