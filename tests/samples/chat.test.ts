import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { bootstrap } from 'zigmund';
import { ChatModule, hubOptions, type ChatEvent } from '../../samples/chat/app.js';
import { RedisServer } from '../support/redis.js';
import { TestPeer } from '../websocket/support.js';

async function serveChat(env: Record<string, string | undefined> = {}) {
  const app = await bootstrap(ChatModule, { title: 'Chat', logStartup: false, handleSignals: false, hub: hubOptions(env) });
  const http = await app.serve({ port: 0 });
  after(() => app.close());
  return { app, http, ws: http.replace('http', 'ws') };
}

async function next(peer: TestPeer): Promise<ChatEvent> {
  return JSON.parse(String(await peer.next())) as ChatEvent;
}

/** Connects as `name` and waits for its own "joined" event: from then on it gets every message of the room. */
async function enter(base: string, room: string, name: string): Promise<TestPeer> {
  const peer = await TestPeer.open(`${base}/chat/${room}?name=${name}`);
  assert.deepEqual(await next(peer), { type: 'joined', room, name });
  return peer;
}

test('the chat sample: members of a room see each other join, talk and leave; other rooms hear nothing', async () => {
  const { app, ws } = await serveChat();
  const ann = await enter(ws, 'lobby', 'ann');
  const bob = await enter(ws, 'lobby', 'bob');
  assert.deepEqual(await next(ann), { type: 'joined', room: 'lobby', name: 'bob' });
  const cid = await enter(ws, 'kitchen', 'cid');

  ann.ws.send('hi bob');
  assert.deepEqual(await next(bob), { type: 'message', room: 'lobby', name: 'ann', text: 'hi bob' });
  assert.deepEqual(await next(ann), { type: 'message', room: 'lobby', name: 'ann', text: 'hi bob' });
  bob.ws.close();
  assert.deepEqual(await next(ann), { type: 'left', room: 'lobby', name: 'bob' });
  assert.equal(app.hub.size('lobby'), 1);

  cid.ws.send('anyone?');
  assert.deepEqual(await next(cid), { type: 'message', room: 'kitchen', name: 'cid', text: 'anyone?' });
  ann.ws.send('still here');
  // Had a kitchen event reached the lobby it would come first.
  assert.deepEqual(await next(ann), { type: 'message', room: 'lobby', name: 'ann', text: 'still here' });
  ann.ws.close();
  cid.ws.close();
});

test('the chat sample lists its rooms and takes announcements over HTTP (validated)', async () => {
  const { http, ws } = await serveChat();
  const ann = await enter(ws, 'news', 'ann');
  assert.deepEqual(await (await fetch(`${http}/rooms`)).json(), [{ room: 'news', members: 1 }]);
  const posted = await fetch(`${http}/rooms/news/announcements`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'doors open' }) });
  assert.deepEqual([posted.status, await posted.json()], [200, { room: 'news', members: 1 }]);
  assert.deepEqual(await next(ann), { type: 'message', room: 'news', name: 'server', text: 'doors open' });
  const empty = await fetch(`${http}/rooms/news/announcements`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: '' }) });
  assert.equal(empty.status, 422);
  ann.ws.close();
});

test('the chat sample with REDIS_URL: two servers on one Redis are one chat', async () => {
  const redis = await RedisServer.start();
  after(() => redis.kill());
  const one = await serveChat({ REDIS_URL: redis.url });
  const two = await serveChat({ REDIS_URL: redis.url });
  const ann = await enter(one.ws, 'lobby', 'ann');
  const bob = await enter(two.ws, 'lobby', 'bob');
  assert.deepEqual(await next(ann), { type: 'joined', room: 'lobby', name: 'bob' });
  bob.ws.send('from server two');
  assert.deepEqual(await next(ann), { type: 'message', room: 'lobby', name: 'bob', text: 'from server two' });
  assert.deepEqual(await next(bob), { type: 'message', room: 'lobby', name: 'bob', text: 'from server two' });
  ann.ws.send('from server one');
  assert.deepEqual(await next(bob), { type: 'message', room: 'lobby', name: 'ann', text: 'from server one' });
  assert.equal(one.app.hub.size('lobby'), 1);
  assert.equal(two.app.hub.size('lobby'), 1);
  ann.ws.close();
  bob.ws.close();
});
