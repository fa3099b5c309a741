import { after } from 'node:test';
import type { App } from 'zigmund';

/** Serves `app` on a free port for the rest of the test file; the URL without a trailing slash. */
export async function serveForFile(app: App): Promise<string> {
  const url = await app.serve({ port: 0 });
  after(() => app.close());
  return url;
}

/** A `Basic` Authorization header value. */
export const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** The JSON body and the headers of an answer, for assertions on both. */
export async function call(url: string, init: RequestInit = {}): Promise<{ status: number; body: any; text: string; headers: Headers }> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, body, text, headers: res.headers };
}
