import { maxHeaderSize as nodeMaxHeaderSize, type Server } from 'node:http';

/** The certificate `serve({ tls })` answers HTTPS and WSS with, PEM-encoded. */
export interface TlsOptions {
  /** The private key (PEM). */
  key: string | Buffer;
  /** The certificate chain (PEM), the server's own certificate first. */
  cert: string | Buffer;
}

/** The connection limits of `serve()`, each in milliseconds, connections or bytes. */
export interface ConnectionLimits {
  /**
   * Time a client has to send a request's line and headers, from its first byte (default
   * 10 000 ms); past it the request is answered 408 and the connection closed. Slowloris
   * clients, which send headers a byte at a time, are closed by it. 0 turns it off.
   */
  headersTimeout?: number;
  /**
   * Time a client has to send a whole request, body included (default 60 000 ms); past it, 408
   * and the connection closed. Raise it for large uploads over slow links. 0 turns it off.
   * Not applied to WebSockets once open.
   */
  requestTimeout?: number;
  /**
   * How long an idle keep-alive connection stays open for its next request (default 5 000 ms).
   * Behind a load balancer, make it longer than the balancer's own idle timeout.
   */
  keepAliveTimeout?: number;
  /**
   * Open connections, WebSockets included, past which a new one is closed as soon as it is
   * accepted (default 10 000); `Infinity` for no limit.
   */
  maxConnections?: number;
  /** Bytes of request line and headers (default 16 KiB, Node's); over it: 431, or 414 when the URL alone is. */
  maxHeaderSize?: number;
}

/** What `serve()` applies to its server, every option resolved. */
export interface ListenSettings extends Required<ConnectionLimits> {
  tls: TlsOptions | undefined;
}

/** The defaults of `serve()`, chosen for a server facing the internet. */
export const DEFAULT_CONNECTION_LIMITS: Readonly<Required<ConnectionLimits>> = Object.freeze({
  headersTimeout: 10_000,
  requestTimeout: 60_000,
  keepAliveTimeout: 5_000,
  maxConnections: 10_000,
  maxHeaderSize: nodeMaxHeaderSize,
});

/** How often, at most, the server looks for requests past their timeouts (Node's own default is 30 s). */
const MAX_CHECK_INTERVAL_MS = 1_000;

/** Node's server fields behind the options; `maxHeaderSize` and the checking interval are read when connections arrive and on 'listening'. */
interface NodeServerFields {
  maxHeaderSize?: number;
  connectionsCheckingInterval: number;
}

/** Sets the limits on a server that is not yet listening. */
export function applyConnectionLimits(server: Server, settings: ListenSettings): void {
  server.headersTimeout = settings.headersTimeout;
  server.requestTimeout = settings.requestTimeout;
  server.keepAliveTimeout = settings.keepAliveTimeout;
  server.maxConnections = settings.maxConnections;
  const fields = server as unknown as NodeServerFields;
  fields.maxHeaderSize = settings.maxHeaderSize;
  // A timeout is only noticed when Node next sweeps its connections; sweep often enough that
  // a request is cut within half its timeout of it.
  const timeouts = [settings.headersTimeout, settings.requestTimeout].filter((ms) => ms > 0);
  fields.connectionsCheckingInterval = Math.max(10, Math.min(MAX_CHECK_INTERVAL_MS, ...timeouts.map((ms) => Math.floor(ms / 2))));
}

/** The header limit the server parses with (Node's default unless `maxHeaderSize` set one). */
export function maxHeaderSizeOf(server: Server): number {
  return (server as unknown as NodeServerFields).maxHeaderSize ?? nodeMaxHeaderSize;
}
