// The demo of `npm start` (samples/websockets), unchanged, served for bench/ws-echo.
import { bootstrap } from 'zigmund';
import { AppModule } from '../../samples/websockets/app.js';
import { serverPort } from './env.js';

const app = await bootstrap(AppModule, { title: 'WebSocket Demo', version: '1.0', logStartup: false });
await app.serve({ port: serverPort() });
