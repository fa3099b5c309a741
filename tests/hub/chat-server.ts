// A chat app for the multi-process Hub tests. HUB_ADAPTER=redis (with REDIS_URL): one process
// on Redis, printing {"url"} when listening. HUB_ADAPTER=cluster: a primary of its own that
// relays and forks two workers on one port, printing {"url"} once both listen.
// HUB_ADAPTER=workers: serve({ workers: 2 }) with no adapter set.
import 'reflect-metadata';
import cluster from 'node:cluster';
import { Connection, Controller, Hub, Module, Param, WebSocket, bootstrap, clusterAdapter, redisAdapter, startClusterRelay } from 'zigmund';

@Controller()
class ChatController {
  @WebSocket('/rooms/:room')
  async chat(conn: Connection, @Param('room') room: string, hub: Hub) {
    await hub.join(room, conn);
    await conn.sendText(`joined ${room} ${process.pid}`);
    for await (const msg of conn) await hub.publish(room, msg.text(), { except: conn });
  }
}

@Module({ controllers: [ChatController] })
class ChatModule {}

const mode = process.env.HUB_ADAPTER;

if (mode === 'workers') {
  const app = await bootstrap(ChatModule, { logStartup: false });
  const url = await app.serve({ port: 0, workers: 2 });
  if (cluster.isPrimary) console.log(JSON.stringify({ url }));
} else if (mode === 'cluster' && cluster.isPrimary) {
  startClusterRelay();
  let listening = 0;
  for (let i = 0; i < 2; i++) {
    cluster.fork().on('message', (message: { url?: string }) => {
      if (message.url !== undefined && ++listening === 2) console.log(JSON.stringify({ url: message.url }));
    });
  }
  process.on('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill();
    process.exit(0);
  });
} else {
  const adapter = mode === 'cluster' ? clusterAdapter() : redisAdapter({ url: process.env.REDIS_URL });
  const app = await bootstrap(ChatModule, { logStartup: false, hub: { adapter } });
  const url = await app.serve({ port: Number(process.env.PORT ?? 0) });
  if (cluster.isWorker) process.send!({ url });
  else console.log(JSON.stringify({ url, pid: process.pid }));
}
