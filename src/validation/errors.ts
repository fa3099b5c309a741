/** Where a failing value came from, FastAPI style: `["query", "limit"]`, `["body", "tags", 2]`. */
export type Loc = (string | number)[];

/** One entry of a 422 response's `detail` array, in FastAPI's shape. */
export interface ErrorDetail {
  type: string;
  loc: Loc;
  msg: string;
  input: unknown;
  ctx?: Record<string, unknown>;
}

/**
 * Every validation failure of one request (or one WebSocket message), answered as
 * `422 {"detail": [...]}`. `body` is what was received — the parsed JSON body or message, or
 * the text of a body that was not JSON — so an exception handler can echo it as FastAPI's
 * `exc.body`.
 */
export class RequestValidationError extends Error {
  readonly code = 'REQUEST_VALIDATION';
  readonly status = 422;

  constructor(
    readonly detail: ErrorDetail[],
    readonly body?: unknown,
  ) {
    super(detail.map((d) => `${d.loc.join('.')}: ${d.msg}`).join('; '));
    this.name = 'RequestValidationError';
  }

  /** The failures, FastAPI's `exc.errors()`: the list answered as `detail`. */
  errors(): ErrorDetail[] {
    return this.detail;
  }
}
