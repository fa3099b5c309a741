// Mirrors FastAPI's reference page "Response class" (docs/en/docs/reference/response.md): a
// Response built and returned (content, status, headers, media type), or injected to set the
// status, headers and cookies of a plain answer.
import { Response, createApp, type Request } from 'zigmund';

export const app = createApp();

app.get('/built', () => {
  const response = Response.bytes(Buffer.from('<b>bold</b>'), 'text/html; charset=utf-8', 203);
  response.setHeader('X-Built', 'yes');
  return response;
});

app.get('/injected', (req: Request, response: Response) => {
  response.status(201);
  response.setHeader('X-Injected', 'yes');
  response.setCookie('session', 'abc', { httpOnly: true, path: '/' });
  response.deleteCookie('old');
  return { ok: true };
});
