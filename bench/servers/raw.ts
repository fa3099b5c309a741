// Raw node:http + ws: the limit for Node. Every workload is written by hand (HTTP in raw-http.ts).
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';
import { routeCount, serverPort } from './env.js';
import { rootListener } from './raw-http.js';

const server = createServer(rootListener());
if (routeCount() === 0) {
  const wss = new WebSocketServer({ server, path: '/ws' });
  // bench/ws-echo compares with the demo app, which greets every connection.
  const greeting = process.env.WS_GREETING;
  wss.on('connection', (socket) => {
    if (greeting) socket.send(greeting);
    socket.on('message', (data, isBinary) => socket.send(isBinary ? data : `echo: ${data}`));
  });
}
server.listen(serverPort(), '127.0.0.1');
