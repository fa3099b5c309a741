import { bootstrap } from 'zigmund';
import { AppModule } from './app.js';

// SIGTERM or Ctrl-C: in-flight requests finish, WebSockets close with 1001, the pool drains.
const app = await bootstrap(AppModule, { title: 'Notes', version: '1.0' });
await app.serve({ port: Number(process.env.PORT ?? 8000) });
