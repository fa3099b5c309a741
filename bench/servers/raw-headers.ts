// node:http answering GET /hello with the headers cors() + securityHeaders() add (helmet's set and
// Vary): what writing those headers costs by itself, for bench/middleware.ts.
import { createServer } from 'node:http';
import { serverPort } from './env.js';

const HEADERS = {
  'content-type': 'application/json',
  'content-security-policy':
    "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'self';img-src 'self' data:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' https: 'unsafe-inline';upgrade-insecure-requests",
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};
const BODY = JSON.stringify({ message: 'Hello World' });

createServer((req, res) => {
  if (req.url !== '/hello') {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { ...HEADERS, 'content-length': Buffer.byteLength(BODY) });
  res.end(BODY);
}).listen(serverPort(), '127.0.0.1');
