import { bootstrap } from 'zigmund';
import { ChatModule, hubOptions } from './app.js';

// REDIS_URL=redis://127.0.0.1:6379 PORT=8001 node dist/samples/chat/main.js — run two, chat across them.
const app = await bootstrap(ChatModule, { title: 'Chat', version: '1.0', hub: hubOptions() });
await app.serve({ port: Number(process.env.PORT ?? 8000) }); // http://127.0.0.1:8000 — open it in two tabs
