import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../../samples/parity/advanced/security/http-basic-auth.js';

const client = new TestClient(app);
// FastAPI challenges with a bare `Basic`; HTTPBasic names the realm RFC 7617 requires, and UTF-8.
const challenge = 'Basic realm="api", charset="UTF-8"';
const basic = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });

test('advanced/security/http-basic-auth: the credentials as sent', async () => {
  const res = await client.get('/credentials/me', { headers: basic('john', 'secret') });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), { username: 'john', password: 'secret' });
});

for (const path of ['/credentials/me', '/users/me']) {
  test(`advanced/security/http-basic-auth: ${path} without, with malformed, with non-basic credentials is 401 Basic`, async () => {
    // FastAPI says "Not authenticated" to all three; HTTPBasic tells a malformed header apart.
    const cases: [Record<string, string>, string][] = [
      [{}, 'Not authenticated'],
      [{ authorization: 'Basic notabase64token' }, 'Invalid authentication credentials'],
      [{ authorization: `Basic ${Buffer.from('johnsecret').toString('base64')}` }, 'Invalid authentication credentials'],
    ];
    for (const [headers, detail] of cases) {
      const res = await client.get(path, { headers });
      assert.equal(res.status, 401, res.text);
      assert.equal(res.headers['www-authenticate'], challenge);
      assert.deepEqual(res.json(), { detail });
    }
  });
}

test('advanced/security/http-basic-auth: the right username and password', async () => {
  const res = await client.get('/users/me', { headers: basic('stanleyjobson', 'swordfish') });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), { username: 'stanleyjobson' });
});

test('advanced/security/http-basic-auth: a wrong username or password', async () => {
  for (const [user, password] of [['alice', 'swordfish'], ['stanleyjobson', 'wrongpassword']]) {
    const res = await client.get('/users/me', { headers: basic(user!, password!) });
    assert.equal(res.status, 401, res.text);
    assert.deepEqual(res.json(), { detail: 'Incorrect username or password' });
    assert.equal(res.headers['www-authenticate'], 'Basic');
  }
});

test('advanced/security/http-basic-auth: the scheme is documented', () => {
  const doc = app.openapi();
  assert.deepEqual(doc.paths['/users/me']!.get!.security, [{ HTTPBasic: [] }]);
  assert.deepEqual(doc.components!.securitySchemes!.HTTPBasic, { type: 'http', scheme: 'basic' });
});
