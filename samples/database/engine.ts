// A tiny in-memory "database server" with connections and transactions, standing in for a
// real driver (pg, mysql2, …) so the sample runs with no service to install.

export interface Note {
  id: number;
  title: string;
  body: string;
}

/** A write refused because a note with the same title exists. */
export class DuplicateKey extends Error {
  constructor(readonly title: string) {
    super(`a note titled "${title}" already exists`);
    this.name = 'DuplicateKey';
  }
}

/** The data every connection shares. */
export class Engine {
  readonly notes = new Map<number, Note>();
  nextId = 1;
  opened = 0;
  closed = 0;

  async connect(): Promise<DbConnection> {
    await roundTrip();
    return new DbConnection(this, ++this.opened);
  }
}

/** One connection: reads see committed data plus this connection's open transaction. */
export class DbConnection {
  private pending: Note[] | undefined;
  private open = true;

  constructor(
    private readonly engine: Engine,
    readonly id: number,
  ) {}

  get isOpen(): boolean {
    return this.open;
  }

  get inTransaction(): boolean {
    return this.pending !== undefined;
  }

  async begin(): Promise<void> {
    this.check();
    if (this.pending) throw new Error('a transaction is already open');
    await roundTrip();
    this.pending = [];
  }

  async commit(): Promise<void> {
    const writes = this.takePending();
    await roundTrip();
    for (const note of writes) this.engine.notes.set(note.id, note);
  }

  async rollback(): Promise<void> {
    this.takePending();
    await roundTrip();
  }

  async insert(title: string, body: string): Promise<Note> {
    this.check();
    await roundTrip();
    if ((await this.all()).some((n) => n.title === title)) throw new DuplicateKey(title);
    const note = { id: this.engine.nextId++, title, body };
    if (this.pending) this.pending.push(note);
    else this.engine.notes.set(note.id, note);
    return note;
  }

  async all(): Promise<Note[]> {
    this.check();
    await roundTrip();
    return [...this.engine.notes.values(), ...(this.pending ?? [])];
  }

  async get(id: number): Promise<Note | undefined> {
    return (await this.all()).find((n) => n.id === id);
  }

  async close(): Promise<void> {
    if (!this.open) return;
    this.open = false;
    this.pending = undefined;
    this.engine.closed++;
  }

  private takePending(): Note[] {
    this.check();
    if (!this.pending) throw new Error('no transaction is open');
    const writes = this.pending;
    this.pending = undefined;
    return writes;
  }

  private check(): void {
    if (!this.open) throw new Error(`connection ${this.id} is closed`);
  }
}

const roundTrip = () => new Promise<void>((resolve) => setImmediate(resolve));
