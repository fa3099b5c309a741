import { bootstrap } from 'zigmund';
import { AuthModule } from './app.js';

const app = await bootstrap(AuthModule, { title: 'Auth sample', version: '1.0' });
// http://127.0.0.1:8000/docs: Authorize with anna / anna-secret (or bob / bob-secret), then try /users/me.
await app.serve({ port: Number(process.env.PORT ?? 8000) });
