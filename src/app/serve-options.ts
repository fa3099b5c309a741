import { DEFAULT_CONNECTION_LIMITS, type ConnectionLimits, type ListenSettings, type TlsOptions } from '../http/listen-options.js';
import { BootstrapError } from '../metadata/bootstrap-error.js';

function milliseconds(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new BootstrapError(`serve(): ${name} must be a whole number of milliseconds, 0 or more, not ${String(value)}`);
  return value;
}

function count(name: string, value: unknown, fallback: number, unit: string, unlimited: boolean): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !((unlimited && value === Infinity) || (Number.isInteger(value) && value >= 1))) {
    throw new BootstrapError(`serve(): ${name} must be a whole number of ${unit}, 1 or more${unlimited ? ', or Infinity' : ''}, not ${String(value)}`);
  }
  return value;
}

function pem(name: string, value: unknown): string | Buffer {
  if ((typeof value === 'string' || Buffer.isBuffer(value)) && value.length > 0) return value;
  throw new BootstrapError(`serve(): tls.${name} must be PEM text (a string or a Buffer), not ${value === undefined ? 'missing' : typeof value}`);
}

/** Checks and completes the connection options of `serve()`; out of range is a `BootstrapError`. */
export function listenSettings(options: ConnectionLimits & { tls?: TlsOptions }): ListenSettings {
  const defaults = DEFAULT_CONNECTION_LIMITS;
  const settings: ListenSettings = {
    headersTimeout: milliseconds('headersTimeout', options.headersTimeout, defaults.headersTimeout),
    requestTimeout: milliseconds('requestTimeout', options.requestTimeout, defaults.requestTimeout),
    keepAliveTimeout: milliseconds('keepAliveTimeout', options.keepAliveTimeout, defaults.keepAliveTimeout),
    maxConnections: count('maxConnections', options.maxConnections, defaults.maxConnections, 'connections', true),
    maxHeaderSize: count('maxHeaderSize', options.maxHeaderSize, defaults.maxHeaderSize, 'bytes', false),
    tls: undefined,
  };
  // Node refuses the same: the headers are part of the request.
  if (settings.requestTimeout > 0 && settings.headersTimeout > settings.requestTimeout) {
    throw new BootstrapError(`serve(): headersTimeout (${settings.headersTimeout} ms) must not exceed requestTimeout (${settings.requestTimeout} ms)`);
  }
  if (options.tls !== undefined) {
    if (typeof options.tls !== 'object' || options.tls === null) throw new BootstrapError('serve(): tls must be { key, cert }');
    settings.tls = { key: pem('key', options.tls.key), cert: pem('cert', options.tls.cert) };
  }
  return settings;
}
