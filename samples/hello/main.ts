import { bootstrap } from 'zigmund';
import { HelloModule } from './app.js';

const app = await bootstrap(HelloModule, { title: 'Hello', version: '1.0' });
await app.serve({ port: Number(process.env.PORT ?? 8000) });
