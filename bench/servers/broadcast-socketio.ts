// Broadcast fan-out on Socket.IO 4: members join the room "bench", a publisher's "pub" events
// go to io.to('bench'). With REDIS_URL, on @socket.io/redis-adapter (ioredis clients).
import { createServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';
import { serverPort } from './env.js';

const http = createServer((req, res) => {
  if (req.url === '/hello') res.end('ready');
});
const redisUrl = process.env.REDIS_URL;
const pub = redisUrl ? new Redis(redisUrl) : undefined;
const io = new Server(http, { transports: ['websocket'], perMessageDeflate: false, ...(pub ? { adapter: createAdapter(pub, pub.duplicate()) } : {}) });
io.on('connection', (socket) => {
  if (socket.handshake.query.role === 'pub') {
    socket.on('pub', (data: string) => io.to('bench').emit('msg', data));
    return;
  }
  socket.join('bench');
  socket.emit('ready');
});
http.listen(serverPort(), '127.0.0.1');
