// Mirrors FastAPI's "Response Cookies" (docs/en/docs/advanced/response-cookies.md): a cookie set on a
// Response returned directly, and one set on the injected Response of a plain answer.
import { Response, createApp, type Request } from 'zigmund';

export const app = createApp();

app.post('/cookie/', () => {
  const content = { message: 'Come to the dark side, we have cookies' };
  const response = Response.json(content);
  response.setCookie('fakesession', 'fake-cookie-session-value');
  return response;
});

app.post('/cookie-and-object/', (req: Request, response: Response) => {
  response.setCookie('fakesession', 'fake-cookie-session-value');
  return { message: 'Come to the dark side, we have cookies' };
});
