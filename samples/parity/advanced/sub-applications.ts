// Mirrors FastAPI's "Sub Applications - Mounts" (docs/en/docs/advanced/sub-applications.md): a
// Zigmund app mounted under a prefix keeps its own routes and its own docs there.
import { createApp } from 'zigmund';

export const app = createApp();
app.get('/app', () => ({ message: 'Hello World from main app' }));

export const subapi = createApp();
subapi.get('/sub', () => ({ message: 'Hello World from sub API' }));

app.mount('/subapi', subapi);
