// Mirrors FastAPI's "Response Headers" (docs/en/docs/advanced/response-headers.md): headers on a
// Response returned directly, and on the injected Response of a plain answer.
import { Response, createApp, type Request } from 'zigmund';

export const app = createApp();

app.get('/headers/', () => {
  const content = { message: 'Hello World' };
  const headers = { 'X-Cat-Dog': 'alone in the world', 'Content-Language': 'en-US' };
  return Response.json(content, 200, headers);
});

app.get('/headers-and-object/', (req: Request, response: Response) => {
  response.setHeader('X-Cat-Dog', 'alone in the world');
  return { message: 'Hello World' };
});
