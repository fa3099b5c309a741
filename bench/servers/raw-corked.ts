// Raw node:http + ws, with the WebSocket replies of one event-loop turn corked into one write:
// the hand-written limit for coalescing, as Zigmund's send path does it (the first send of a
// turn corks the socket, a process.nextTick uncorks it). HTTP is the raw peer's (raw-http.ts).
import { createServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { serverPort } from './env.js';
import { rootListener } from './raw-http.js';

const server = createServer(rootListener());
const wss = new WebSocketServer({ server, path: '/ws' });
const corked = new WeakSet<Duplex>();

function uncork(socket: Duplex): void {
  corked.delete(socket);
  socket.uncork();
}

function reply(ws: WebSocket & { _socket: Duplex }, payload: string | Buffer): void {
  const socket = ws._socket;
  if (!corked.has(socket)) {
    corked.add(socket);
    socket.cork();
    process.nextTick(uncork, socket);
  }
  ws.send(payload);
}

wss.on('connection', (ws) => {
  ws.on('message', (data, isBinary) => reply(ws as WebSocket & { _socket: Duplex }, isBinary ? (data as Buffer) : `echo: ${data}`));
});
server.listen(serverPort(), '127.0.0.1');
