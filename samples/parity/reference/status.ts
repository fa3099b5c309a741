// Mirrors FastAPI's reference page "Status Codes" (docs/en/docs/reference/status.md): `status` holds
// the named HTTP and WebSocket codes; the page's example uses HTTP_418_IM_A_TEAPOT as a route status.
import { createApp, status } from 'zigmund';

export const app = createApp();
app.get('/items/', () => [{ name: 'Plumbus' }, { name: 'Portal Gun' }], { status: status.HTTP_418_IM_A_TEAPOT });
