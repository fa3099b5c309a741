import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';

const script = fileURLToPath(new URL('./chat-server.js', import.meta.url));

export interface ChatProcess {
  child: ChildProcess;
  url: string;
}

const children = new Set<ChildProcess>();
// Registered when the test file loads: an `after` called inside a `before` hook would run as soon as that hook ends.
after(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** Starts tests/hub/chat-server.ts with `env`; killed after the test file if still running. */
export async function startChat(env: Record<string, string>): Promise<ChatProcess> {
  const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  children.add(child);
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`the chat server exited with ${code} before listening`);
  });
  const line = once(createInterface({ input: child.stdout! }), 'line').then(([text]) => text as string);
  const { url } = JSON.parse(await Promise.race([line, exited])) as { url: string };
  exited.catch(() => undefined);
  return { child, url: url.replace('http', 'ws') };
}

/** A chat client that keeps every text message it gets, and awaits them by count or content. */
export class Member {
  readonly received: string[] = [];
  readonly closed: Promise<number>;
  pid = 0;
  private waiters: (() => void)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.received.push(data.toString());
      for (const wake of this.waiters.splice(0)) wake();
    });
    ws.on('error', () => undefined);
    this.closed = new Promise((resolve) => ws.once('close', (code) => resolve(code)));
  }

  /** Connects to `room` and waits for the server's "joined" line (sent once the room is subscribed). */
  static async join(base: string, room: string): Promise<Member> {
    const member = new Member(new WebSocket(`${base}/rooms/${room}`));
    await member.until((got) => got.length >= 1, 10_000);
    const [word, joined, pid] = member.received.shift()!.split(' ');
    if (word !== 'joined' || joined !== room) throw new Error(`unexpected greeting ${word} ${joined}`);
    member.pid = Number(pid);
    return member;
  }

  /** Resolves once `check(received)` holds; rejects after `limitMs`, naming what arrived. */
  async until(check: (received: string[]) => boolean, limitMs = 10_000): Promise<void> {
    const deadline = Date.now() + limitMs;
    while (!check(this.received)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`not received within ${limitMs} ms; got ${this.received.length}: ${this.received.slice(-5).join(', ')}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  send(text: string): void {
    this.ws.send(text);
  }
}

/** The messages of `received` that start with `prefix`, in arrival order. */
export function from(received: string[], prefix: string): string[] {
  return received.filter((m) => m.startsWith(prefix));
}

/** `prefix0 … prefix(n-1)`. */
export function series(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${i}`);
}
