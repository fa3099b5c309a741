export { TestClient, WebSocketDenied } from './test-client.js';
export type { TestRequestOptions, TestResponse, TestSocketOptions, TestStreamResponse, TestEventStream } from './test-client.js';
export type { TestFile } from './multipart.js';
export { parseEventStream } from './event-stream.js';
export type { ReceivedEvent } from './event-stream.js';
