import { bootstrap } from 'zigmund';
import { AppModule } from './app.js';

const app = await bootstrap(AppModule, { title: 'WebSocket Demo', version: '1.0' });
await app.serve(); // http://127.0.0.1:8000 — /info, /ws, /docs, /redoc, /openapi.json
