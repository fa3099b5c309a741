import { stringifySetCookie, type SerializeOptions } from 'cookie';

export type ResponseBodyKind = 'json' | 'text' | 'html' | 'raw' | 'none';

/**
 * What a handler answers. Inject it (`res: Response`) to set the status, headers and cookies
 * of a normal answer, or return one built by `Response.json/text/html/redirect`.
 */
export class Response {
  statusCode?: number;
  readonly headers: Record<string, string | string[]> = {};
  body: unknown = undefined;
  kind: ResponseBodyKind = 'none';

  /** Sets the status code of the answer. */
  status(code: number): this {
    this.statusCode = code;
    return this;
  }

  /** Sets a header (replacing any value given before). */
  setHeader(name: string, value: string | string[]): this {
    this.headers[name.toLowerCase()] = value;
    return this;
  }

  /** Adds a `Set-Cookie` header. */
  setCookie(name: string, value: string, options: SerializeOptions = {}): this {
    const line = stringifySetCookie({ name, value, path: '/', ...options });
    const previous = this.headers['set-cookie'];
    this.headers['set-cookie'] = previous === undefined ? [line] : [...[previous].flat(), line];
    return this;
  }

  /** Expires a cookie in the browser. */
  deleteCookie(name: string, options: SerializeOptions = {}): this {
    return this.setCookie(name, '', { ...options, expires: new Date(0), maxAge: 0 });
  }

  /** A JSON answer. */
  static json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
    return Response.build('json', data, status, headers);
  }

  /** A `text/plain` answer. */
  static text(text: string, status = 200, headers: Record<string, string> = {}): Response {
    return Response.build('text', text, status, headers);
  }

  /** A `text/html` answer. */
  static html(html: string, status = 200, headers: Record<string, string> = {}): Response {
    return Response.build('html', html, status, headers);
  }

  /** Raw bytes with the given content type. */
  static bytes(data: Buffer | Uint8Array, contentType = 'application/octet-stream', status = 200): Response {
    return Response.build('raw', data, status, { 'content-type': contentType });
  }

  /** A redirect; 307 keeps the method and body, as FastAPI's `RedirectResponse` does. */
  static redirect(url: string, status = 307): Response {
    return Response.build('none', undefined, status, { location: url });
  }

  private static build(kind: ResponseBodyKind, body: unknown, status: number, headers: Record<string, string>): Response {
    const res = new Response().status(status);
    res.kind = kind;
    res.body = body;
    for (const name of Object.keys(headers)) res.setHeader(name, headers[name]);
    return res;
  }
}
