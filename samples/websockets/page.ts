import { Controller, Get, Response } from 'zigmund';

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Zigmund WebSocket demo</title>
  <style>
    body { font: 16px system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; }
    #log { list-style: none; padding: 0; border: 1px solid #ccc; min-height: 8rem; }
    #log li { padding: .25rem .5rem; border-bottom: 1px solid #eee; }
  </style>
</head>
<body>
  <h1>WebSocket echo</h1>
  <p>Messages go to <code>/ws</code> and come back prefixed with <code>echo:</code>. API docs at <a href="/docs">/docs</a>.</p>
  <form id="send"><input id="text" autocomplete="off" placeholder="Say something"> <button>Send</button></form>
  <p>Status: <span id="status">connecting</span></p>
  <ul id="log"></ul>
  <script>
    const log = document.getElementById('log');
    const status = document.getElementById('status');
    const ws = new WebSocket(location.origin.replace(/^http/, 'ws') + '/ws');
    ws.onopen = () => { status.textContent = 'open'; };
    ws.onclose = (e) => { status.textContent = 'closed (' + e.code + ')'; };
    ws.onmessage = (e) => {
      const li = document.createElement('li');
      li.textContent = e.data;
      log.appendChild(li);
    };
    document.getElementById('send').onsubmit = (e) => {
      e.preventDefault();
      const input = document.getElementById('text');
      ws.send(input.value);
      input.value = '';
    };
  </script>
</body>
</html>`;

/** The demo page: a browser client of the echo route. */
@Controller()
export class PageController {
  @Get('/', { summary: 'Demo page', includeInSchema: false })
  page() {
    return Response.html(PAGE);
  }
}
