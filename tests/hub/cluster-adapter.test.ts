import assert from 'node:assert/strict';
import { once } from 'node:events';
import { test } from 'node:test';
import { from, Member, series, startChat } from './chat-processes.js';

const setups = [
  ['clusterAdapter() in a cluster of its own', 'cluster'],
  ['serve({ workers: 2 }) with no adapter set', 'workers'],
] as const;

for (const [setup, mode] of setups) test(`${setup}: members on two workers get each other’s messages once, in order, relayed by the primary`, async () => {
  const chat = await startChat({ HUB_ADAPTER: mode });
  // node:cluster hands connections to the workers in turn: join until both have a member.
  const members: Member[] = [];
  while (new Set(members.map((m) => m.pid)).size < 2 && members.length < 20) members.push(await Member.join(chat.url, 'room'));
  const a = members[0];
  const b = members.find((m) => m.pid !== a.pid)!;
  assert.ok(b, `members on two workers (pids ${members.map((m) => m.pid).join(', ')})`);
  const other = await Member.join(chat.url, 'elsewhere');

  for (const m of series('a', 200)) a.send(m);
  for (const m of series('b', 200)) b.send(m);
  await a.until((got) => got.includes('b199'));
  await b.until((got) => got.includes('a199'));
  assert.deepEqual(from(a.received, 'a'), []);
  assert.deepEqual(from(a.received, 'b'), series('b', 200));
  assert.deepEqual(from(b.received, 'a'), series('a', 200));
  for (const m of members.filter((m) => m !== a && m !== b)) {
    await m.until((got) => got.includes('a199') && got.includes('b199'));
    assert.deepEqual([from(m.received, 'a'), from(m.received, 'b')], [series('a', 200), series('b', 200)]);
  }
  assert.deepEqual(other.received, []);
  for (const m of [...members, other]) m.ws.close();
  const exited = once(chat.child, 'exit');
  chat.child.kill('SIGTERM');
  await exited;
});
