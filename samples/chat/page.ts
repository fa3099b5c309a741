import { Controller, Get, Response } from 'zigmund';

// Open it in two tabs (or on two servers sharing a Redis): what one says, the other sees.
const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Zigmund chat</title>
  <style>
    body { font: 16px system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; }
    #log { list-style: none; padding: 0; border: 1px solid #ccc; min-height: 10rem; }
    #log li { padding: .25rem .5rem; border-bottom: 1px solid #eee; }
    #log li.notice { color: #666; font-style: italic; }
    input { font: inherit; }
  </style>
</head>
<body>
  <h1>Chat</h1>
  <form id="join">
    <input id="room" value="lobby" aria-label="Room"> <input id="name" placeholder="Your name" aria-label="Name">
    <button>Join</button>
  </form>
  <p>Status: <span id="status">not connected</span></p>
  <ul id="log"></ul>
  <form id="send"><input id="text" autocomplete="off" placeholder="Say something" aria-label="Message"> <button>Send</button></form>
  <script>
    const $ = (id) => document.getElementById(id);
    const params = new URLSearchParams(location.search);
    if (params.has('room')) $('room').value = params.get('room');
    if (params.has('name')) $('name').value = params.get('name');
    let ws;
    function show(text, notice) {
      const li = document.createElement('li');
      li.textContent = text;
      if (notice) li.className = 'notice';
      $('log').appendChild(li);
    }
    function join() {
      if (ws) ws.close();
      const room = $('room').value.trim() || 'lobby';
      const url = location.origin.replace(/^http/, 'ws') + '/chat/' + encodeURIComponent(room) + '?name=' + encodeURIComponent($('name').value);
      $('status').textContent = 'connecting';
      ws = new WebSocket(url);
      ws.onclose = (e) => { $('status').textContent = 'closed (' + e.code + ')'; };
      ws.onmessage = (e) => {
        const event = JSON.parse(e.data);
        if (event.type === 'message') show(event.name + ': ' + event.text, false);
        else show(event.name + ' ' + event.type + ' ' + event.room, true);
        if (event.type === 'joined' && $('status').textContent === 'connecting') $('status').textContent = 'in ' + event.room;
      };
    }
    $('join').onsubmit = (e) => { e.preventDefault(); join(); };
    $('send').onsubmit = (e) => {
      e.preventDefault();
      if (!ws || ws.readyState !== WebSocket.OPEN || !$('text').value) return;
      ws.send($('text').value);
      $('text').value = '';
    };
    if (params.has('name')) join();
  </script>
</body>
</html>`;

@Controller()
export class PageController {
  @Get('/', { includeInSchema: false })
  page() {
    return Response.html(PAGE);
  }
}
