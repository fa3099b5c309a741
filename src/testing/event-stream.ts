/** One Server-Sent Event as a browser's `EventSource` receives it. */
export interface ReceivedEvent {
  /** `message` when the event named none. */
  event: string;
  data: string;
  /** The last event id seen so far (ids carry over to later events, as in browsers). */
  id: string;
  retry?: number;
}

/**
 * Parses a `text/event-stream` body as the WHATWG HTML standard says browsers do: fields up
 * to a blank line make an event, `data` lines are joined by newlines, comments are skipped,
 * an event without data is not dispatched.
 */
export async function* parseEventStream(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<ReceivedEvent> {
  const decoder = new TextDecoder();
  let buffer = '';
  let lastId = '';
  let event = '';
  let data: string[] = [];
  let retry: number | undefined;
  for await (const chunk of chunks) {
    buffer += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let end: RegExpExecArray | null;
    while ((end = /\r\n|\r|\n/.exec(buffer)) !== null) {
      // A CR at the very end may be the first half of a CRLF: wait for the next chunk.
      if (end[0] === '\r' && end.index === buffer.length - 1) break;
      const line = buffer.slice(0, end.index);
      buffer = buffer.slice(end.index + end[0].length);
      if (line === '') {
        if (data.length > 0) yield { event: event || 'message', data: data.join('\n'), id: lastId, ...(retry !== undefined ? { retry } : {}) };
        event = '';
        data = [];
        retry = undefined;
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      let value = colon === -1 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'data') data.push(value);
      else if (field === 'event') event = value;
      else if (field === 'id' && !value.includes('\0')) lastId = value;
      else if (field === 'retry' && /^\d+$/.test(value)) retry = Number(value);
    }
  }
}
