import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestClient } from 'zigmund/testing';
import { waitFor } from '../../support/wait-for.js';
import { app, logFile } from '../../../samples/parity/tutorial/background-tasks.js';

const client = new TestClient(app);
const dir = mkdtempSync(join(tmpdir(), 'parity-background-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const contentOf = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : '');

test('tutorial/background-tasks: the answer comes first, the task writes the notification after it', async () => {
  logFile.path = join(dir, 'notification.txt');
  const res = await client.post('/send-notification/foo@example.com');
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { message: 'Notification sent in the background' });
  await waitFor(() => contentOf(logFile.path) === 'notification for foo@example.com: some notification', 'the notification written');
});

test('tutorial/background-tasks: tasks added by a dependency and by the handler run in order', async () => {
  logFile.path = join(dir, 'log.txt');
  const res = await client.post('/send-message/foo@example.com?q=some-query');
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { message: 'Message sent' });
  await waitFor(() => contentOf(logFile.path).includes('message to'), 'the log written');
  assert.equal(contentOf(logFile.path), 'found query: some-query\nmessage to foo@example.com\n');
});
