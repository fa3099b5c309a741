/**
 * An error that becomes an HTTP response: `{"detail": detail}` with `status`.
 * @example throw new HttpException(404, 'Item not found');
 */
export class HttpException extends Error {
  readonly code: string = 'HTTP_EXCEPTION';

  constructor(
    readonly status: number,
    readonly detail: unknown = defaultDetail(status),
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof detail === 'string' ? detail : `HTTP ${status}`);
    this.name = 'HttpException';
  }
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  426: 'Upgrade Required',
  500: 'Internal Server Error',
};

function defaultDetail(status: number): string {
  return REASONS[status] ?? `HTTP ${status}`;
}
