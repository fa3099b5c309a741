// The DI workload's pieces for the peers without an injector of their own: a per-request
// service, and a session opened before the handler and closed after the answer.

export class Greeter {
  greet(): string {
    return 'Hello World';
  }
}

/** Opened and closed counts, served at `/di/stats` so the runner can check every teardown ran. */
export const sessions = { opened: 0, closed: 0 };

export async function openSession(): Promise<{ open: boolean }> {
  sessions.opened++;
  return { open: true };
}

export function closeSession(session: { open: boolean }): void {
  session.open = false;
  sessions.closed++;
}
