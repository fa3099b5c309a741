import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { WebSocket } from 'ws';
import { createApp, type App, type Connection } from 'zigmund';
import { TestClient } from 'zigmund/testing';

/** A self-signed certificate for 127.0.0.1, made by Debian's openssl (node:crypto cannot make certificates). */
function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'zigmund-tls-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function get(url: string, ca?: Buffer): Promise<{ status: number; body: string; protocol: string | null }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca }, (res) => {
        const protocol = (res.socket as tls.TLSSocket).getProtocol();
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, body, protocol }));
      })
      .on('error', reject);
  });
}

describe('serve({ tls })', () => {
  let app: App;
  let url: string;
  let cert: Buffer;
  before(async () => {
    const pair = selfSignedCertificate();
    cert = pair.cert;
    app = createApp({ logStartup: false, handleSignals: false });
    app.get('/hello', () => ({ message: 'Hello World' }));
    app.websocket('/ws', async (conn: Connection) => {
      for await (const msg of conn) await conn.sendText(`echo: ${msg.text()}`);
    });
    url = await app.serve({ port: 0, tls: pair });
  });
  after(() => app.close());

  test('serves HTTPS with the certificate, at an https:// URL', async () => {
    assert.match(url, /^https:\/\/127\.0\.0\.1:\d+$/);
    const res = await get(`${url}/hello`, cert);
    assert.equal(res.status, 200);
    assert.equal(res.body, '{"message":"Hello World"}');
    assert.match(res.protocol ?? '', /^TLSv1\.[23]$/);
  });

  test('echoes over WSS', async () => {
    const ws = new WebSocket(`${url.replace('https', 'wss')}/ws`, { ca: cert });
    await once(ws, 'open');
    ws.send('over tls');
    const [echo] = (await once(ws, 'message')) as [Buffer];
    assert.equal(echo.toString(), 'echo: over tls');
    ws.close();
    const [code] = (await once(ws, 'close')) as [number];
    assert.equal(code, 1005);
  });

  test('a client that does not trust the certificate is refused at the handshake', async () => {
    await assert.rejects(get(`${url}/hello`), (err: NodeJS.ErrnoException) => err.code === 'DEPTH_ZERO_SELF_SIGNED_CERT');
  });

  test('an h2c upgrade request over TLS is served as HTTP/1.1 too', async () => {
    const socket = tls.connect({ port: app.port!, host: '127.0.0.1', ca: cert });
    await once(socket, 'secureConnect');
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    socket.write('GET /hello HTTP/1.1\r\nHost: x\r\nConnection: Upgrade, HTTP2-Settings, close\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n');
    await once(socket, 'end');
    assert.match(text, /^HTTP\/1.1 200 OK/);
    assert.match(text, /\{"message":"Hello World"\}$/);
    socket.destroy();
  });

  test('the TestClient still opens WebSockets in process on an app serving TLS', async () => {
    const client = new TestClient(app);
    const conn = await client.websocketConnect('/ws');
    await conn.sendText('in process');
    assert.equal((await conn.receive()).text(), 'echo: in process');
    await conn.close();
  });
});
