// Mirrors FastAPI's "Async Tests" (docs/en/docs/advanced/async-tests.md).
// TypeScript counterpart: every TestClient call already returns a promise, so tests are async
// functions awaiting it (httpx.AsyncClient + ASGITransport in FastAPI); and because the test can
// await, it can also talk to the app over a real socket with fetch(), as the test beside shows.
import { createApp } from 'zigmund';

export const app = createApp({ logStartup: false });
app.get('/', async () => ({ message: 'Tomato' }));
