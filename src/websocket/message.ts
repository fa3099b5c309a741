/**
 * The kind of frame a `Message` came from. Pings and pongs reach handlers only with
 * `autoPong: false`; `'close'` never does, as a close surfaces as `ConnectionClosed`.
 */
export type Opcode = 'text' | 'binary' | 'ping' | 'pong' | 'close';

/** One received WebSocket message: its opcode and its payload bytes. */
export class Message {
  constructor(
    readonly opcode: Opcode,
    readonly data: Buffer,
  ) {}

  /** The payload decoded as UTF-8. */
  text(): string {
    return this.data.toString('utf8');
  }

  /** The payload parsed as JSON; throws a `SyntaxError` when it is not JSON. */
  json(): unknown {
    return JSON.parse(this.text());
  }
}
