import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, test } from 'node:test';
import { RedisServer } from '../support/redis.js';
import { from, Member, series, startChat, type ChatProcess } from './chat-processes.js';

let redis: RedisServer;
let one: ChatProcess;
let two: ChatProcess;

before(async () => {
  redis = await RedisServer.start();
  [one, two] = await Promise.all([startChat({ HUB_ADAPTER: 'redis', REDIS_URL: redis.url }), startChat({ HUB_ADAPTER: 'redis', REDIS_URL: redis.url })]);
});
after(() => redis.kill());

const N = 300;

test('two processes on one Redis: every message of a room reaches every other member once, in order, and no other room', async () => {
  const [a1, a2, b1, b2] = await Promise.all([Member.join(one.url, 'r1'), Member.join(one.url, 'r1'), Member.join(two.url, 'r1'), Member.join(two.url, 'r1')]);
  const [c1, c2] = await Promise.all([Member.join(one.url, 'r2'), Member.join(two.url, 'r2')]);
  assert.notEqual(a1.pid, b1.pid);

  for (const m of series('a1-', N)) a1.send(m);
  for (const m of series('b1-', N)) b1.send(m);
  for (const m of series('c2-', N)) c2.send(m);
  a1.send('a1-end');
  b1.send('b1-end');
  c2.send('c2-end');

  const expectations: [Member, string[]][] = [
    [a1, ['b1-']],
    [a2, ['a1-', 'b1-']],
    [b1, ['a1-']],
    [b2, ['a1-', 'b1-']],
    [c1, ['c2-']],
    [c2, []],
  ];
  for (const [member, senders] of expectations) {
    await member.until((got) => senders.every((s) => got.includes(`${s}end`)));
  }
  // c1 in r2 got c2's end, which came after the r1 messages were sent: r1 had its chance to leak.
  for (const [member, senders] of expectations) {
    for (const s of senders) assert.deepEqual(from(member.received, s), [...series(s, N), `${s}end`]);
    const others = member.received.filter((m) => !senders.some((s) => m.startsWith(s)));
    assert.deepEqual(others, [], 'nothing from another room or from itself');
  }
  for (const m of [a1, a2, b1, b2, c1, c2]) m.ws.close();
});

test('delivery between processes resumes after Redis restarts; members stay connected meanwhile', async () => {
  const [a, b] = await Promise.all([Member.join(one.url, 'restart'), Member.join(two.url, 'restart')]);
  a.send('before');
  await b.until((got) => got.includes('before'));

  await redis.kill();
  a.send('while down');
  await redis.restart();
  // Both processes reconnect and subscribe again on their own; probe until a message crosses.
  let probe = 0;
  const crossed = b.until((got) => got.some((m) => m.startsWith('probe')), 20_000);
  const timer = setInterval(() => a.send(`probe ${probe++}`), 100);
  try {
    await crossed;
  } finally {
    clearInterval(timer);
  }
  for (const m of series('after-', 50)) a.send(m);
  await b.until((got) => got.includes('after-49'));
  assert.deepEqual(from(b.received, 'after-'), series('after-', 50));
  assert.equal(a.ws.readyState, a.ws.OPEN);
  assert.equal(b.ws.readyState, b.ws.OPEN);
  a.ws.close();
  b.ws.close();
});

test('one process killed: its members are cut off, the other process goes on', async () => {
  const [a1, a2, b] = await Promise.all([Member.join(one.url, 'kill'), Member.join(one.url, 'kill'), Member.join(two.url, 'kill')]);
  const exited = once(two.child, 'exit');
  two.child.kill('SIGKILL');
  await exited;
  assert.equal(await b.closed, 1006);
  for (const m of series('k', 50)) a1.send(m);
  await a2.until((got) => got.includes('k49'));
  assert.deepEqual(from(a2.received, 'k'), series('k', 50));
  a1.ws.close();
  a2.ws.close();
});
