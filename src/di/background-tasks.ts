type Task = { fn: (...args: any[]) => unknown; args: unknown[] };

/**
 * Work to do after the answer has been sent, as in FastAPI: inject it by type and add tasks.
 * They run one after another, in the order added, once the response is written and the
 * request's Arena released; a task that fails is logged and the next one still runs. Tasks
 * added by a handler that then throws do not run.
 * @example
 * @Post('/signup') signup(@Body() user: UserIn, tasks: BackgroundTasks) {
 *   tasks.add(sendWelcomeMail, user.email);
 * }
 */
export class BackgroundTasks {
  private readonly tasks: Task[] = [];

  /** Adds `fn(...args)` to run after the answer. */
  add<A extends unknown[]>(fn: (...args: A) => unknown, ...args: A): void {
    this.tasks.push({ fn, args });
  }

  /** Alias of `add()`, FastAPI's name. */
  addTask<A extends unknown[]>(fn: (...args: A) => unknown, ...args: A): void {
    this.add(fn, ...args);
  }

  /** How many tasks are waiting. */
  get size(): number {
    return this.tasks.length;
  }

  /** Runs the tasks in order (those added meanwhile too); failures are logged, never thrown. */
  async run(): Promise<void> {
    for (let i = 0; i < this.tasks.length; i++) {
      const { fn, args } = this.tasks[i];
      try {
        await fn(...args);
      } catch (err) {
        console.error(`zigmund: background task ${fn.name || 'anonymous'} failed`, err);
      }
    }
    this.tasks.length = 0;
  }
}
