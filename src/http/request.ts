import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { parseCookie } from 'cookie';
import { parseJson, readBody } from './body.js';
import { DEFAULT_FORM_LIMITS, parseForm, type FormData, type FormLimits } from './multipart.js';
import { clientIp, hostOf, originOf, routeTarget, schemeOf } from './origin.js';

export type QueryValues = Record<string, string | string[] | undefined>;

/** What a request knows of the app serving it: the app itself, its named routes, its form limits. */
export interface RequestSite {
  /** The `App` serving the request. */
  app: unknown;
  /** The path of the route named `name`, its parameters filled in; throws for an unknown name or a missing parameter. */
  urlPathFor(name: string, params?: Record<string, unknown>): string;
  formLimits?: Partial<FormLimits>;
  /** How deep a JSON body may nest (the app's `maxJsonDepth`). */
  maxJsonDepth?: number;
}

/** Where `sessions()` keeps the request's session. */
export const SESSION = Symbol('zigmund.session');
/** Where `csrf()` keeps the request's token. */
export const CSRF_TOKEN = Symbol('zigmund.csrfToken');
/** Told of the form `form()` parsed: a route's form parameters read it, as the body is then gone. */
export const FORM_READ = Symbol('zigmund.formRead');

/**
 * The incoming HTTP request (or WebSocket upgrade request), injected by declaring a
 * parameter of type `Request`. The body is read only when asked for.
 */
export class Request {
  private cookieCache?: Record<string, string | undefined>;
  private bodyRead?: Promise<Buffer>;
  private formRead?: Promise<FormData>;
  private stateObj?: Record<string, unknown>;
  [SESSION]?: Record<string, unknown>;
  [CSRF_TOKEN]?: () => string;
  [FORM_READ]?: (form: FormData) => void;

  constructor(
    /** The underlying `node:http` request. */
    readonly raw: IncomingMessage,
    /** Path parameters, decoded. */
    readonly params: Record<string, string | undefined>,
    /** Query parameters; repeated keys give arrays. */
    readonly query: QueryValues,
    private readonly bodyLimit: number,
    rawBody?: Buffer,
    private readonly site?: RequestSite,
    form?: FormData,
  ) {
    if (rawBody) this.bodyRead = Promise.resolve(rawBody);
    if (form) this.formRead = Promise.resolve(form);
  }

  /** Values shared along this request's pipeline (middleware, dependencies, handler), as FastAPI's `request.state`. */
  get state(): Record<string, unknown> {
    this.stateObj ??= {};
    return this.stateObj;
  }

  /** The session of `sessions()`: a plain object from the signed cookie; change it and the answer saves it. */
  get session(): Record<string, unknown> {
    const session = this[SESSION];
    if (session === undefined) throw new Error('req.session needs app.use(sessions({ secret })) (or the route\'s middleware)');
    return session;
  }

  set session(value: Record<string, unknown>) {
    if (this[SESSION] === undefined) throw new Error('req.session needs app.use(sessions({ secret })) (or the route\'s middleware)');
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TypeError('req.session must be a plain object');
    this[SESSION] = value;
  }

  /** The CSRF token of `csrf()`, to put in a form's `_csrf` field; sets the cookie when the request had none. */
  csrfToken(): string {
    const token = this[CSRF_TOKEN];
    if (token === undefined) throw new Error('req.csrfToken() needs app.use(csrf())');
    return token();
  }

  /** The `App` serving this request (cast it to your app's type when you need its API). */
  get app(): unknown {
    return this.site?.app;
  }

  /**
   * The absolute URL of the route named `name` (the route's `name` option, or
   * `Controller.method`), its path parameters filled in and percent-encoded.
   * @example req.urlFor('readItem', { id: 3 }) // 'http://127.0.0.1:8000/items/3'
   */
  urlFor(name: string, params: Record<string, unknown> = {}): string {
    if (!this.site) throw new Error('urlFor: this request is not served by an app');
    return this.baseUrl + this.site.urlPathFor(name, params);
  }

  get method(): string {
    return this.raw.method ?? 'GET';
  }

  /** The request target as sent: path and query string. */
  get url(): string {
    return this.raw.url ?? '/';
  }

  /** The path without the query string. */
  get path(): string {
    const url = this.url;
    const end = url.indexOf('?');
    return end === -1 ? url : url.slice(0, end);
  }

  /** Whether this is a WebSocket upgrade request (middleware runs for those too). */
  get isWebSocket(): boolean {
    return (this.raw as { upgrade?: boolean }).upgrade === true && (this.raw.headers.upgrade ?? '').toLowerCase() === 'websocket';
  }

  get headers(): IncomingHttpHeaders {
    return this.raw.headers;
  }

  get cookies(): Record<string, string | undefined> {
    this.cookieCache ??= parseCookie(this.raw.headers.cookie ?? '');
    return this.cookieCache;
  }

  /** The client's address: the socket's peer, or with `trustProxy` the client `X-Forwarded-For` names. */
  get ip(): string | undefined {
    return clientIp(this.raw, originOf(this.raw));
  }

  /** The path prefix before this app's routes: the app's `rootPath`, then the prefixes of the mounts it is under. */
  get rootPath(): string {
    return originOf(this.raw)?.rootPath ?? '';
  }

  /** Scheme, host and `rootPath` as the client sees them (`https://shop.example/api`); with `trustProxy`, from `X-Forwarded-Proto/-Host`. */
  get baseUrl(): string {
    const origin = originOf(this.raw);
    return `${schemeOf(this.raw, origin)}://${hostOf(this.raw, origin)}${origin?.rootPath ?? ''}`;
  }

  /** The absolute URL the client asked for, e.g. `https://shop.example/api/items/3?full=1`. */
  get fullUrl(): string {
    return this.baseUrl + routeTarget(this.url, originOf(this.raw));
  }

  /** The raw body, read once (within the body limit) and kept. */
  body(): Promise<Buffer> {
    return (this.bodyRead ??= readBody(this.raw, this.bodyLimit));
  }

  async text(): Promise<string> {
    return (await this.body()).toString('utf8');
  }

  /** The body parsed as JSON; malformed JSON is a 422 `json_invalid`, as for `@Body()`. */
  async json(): Promise<unknown> {
    return parseJson(await this.body(), this.site?.maxJsonDepth);
  }

  /**
   * The body parsed as an urlencoded or multipart form (every value of every field, and the
   * files), read once within the app's `formLimits`; another content type is a 415.
   */
  form(): Promise<FormData> {
    if (this.formRead) return this.formRead;
    if (this.bodyRead) return Promise.reject(new Error('form(): the body was already read as bytes'));
    const parsing = parseForm(this.raw, { ...DEFAULT_FORM_LIMITS, ...this.site?.formLimits });
    const told = this[FORM_READ];
    this.formRead = told === undefined ? parsing : parsing.then((form) => {
      told(form);
      return form;
    });
    return this.formRead;
  }
}
