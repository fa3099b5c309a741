export { TestClient, WebSocketDenied } from './test-client.js';
export type { TestRequestOptions, TestResponse, TestSocketOptions } from './test-client.js';
export type { TestFile } from './multipart.js';
