// Broadcast fan-out written by hand on ws: a Set of sockets and a send() to each.
import { createServer } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { serverPort } from './env.js';

const room = new Set<WebSocket>();
const server = createServer((_req, res) => res.end('ready'));
const wss = new WebSocketServer({ server, perMessageDeflate: false });
wss.on('connection', (socket, req) => {
  if (req.url === '/pub') {
    socket.on('message', (data) => {
      for (const member of room) member.send(data, { binary: false });
    });
    return;
  }
  room.add(socket);
  socket.on('close', () => room.delete(socket));
  socket.send('ready');
});
server.listen(serverPort(), '127.0.0.1');
