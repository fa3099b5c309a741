import { bootstrap } from 'zigmund';
import { ItemsModule } from './app.js';

const app = await bootstrap(ItemsModule, { title: 'Items', version: '1.0' });
await app.serve({ port: Number(process.env.PORT ?? 8000) });
