// Mirrors FastAPI's "Advanced Dependencies" (docs/en/docs/advanced/advanced-dependencies.md).
// FastAPI's parameterized "callable instance" (a class with __call__) is, in TypeScript, an
// instance whose `dependency` is a function declared with dependency([...], fn) and bound to
// the instance's parameters. A generator dependency's teardown runs once the response is sent,
// a streamed one included (FastAPI since 0.118), and a dependency may release early what it
// holds (the page's session.close()).
import 'reflect-metadata';
import { Controller, Depends, Get, HttpException, Module, Query, Response, bootstrap, dependency } from 'zigmund';

export class FixedContentQueryChecker {
  /** The dependency: reads `q` from the query, as FastAPI's __call__(self, q: str = "") does. */
  readonly dependency;

  constructor(private readonly fixedContent: string) {
    this.dependency = dependency([Query('q', { default: '' })], (q: string) => (q ? q.includes(this.fixedContent) : false));
  }
}

const checker = new FixedContentQueryChecker('bar');

/** A stand-in for the database session of the page: it records when it is opened and closed. */
export class Session {
  static readonly log: string[] = [];
  private open = true;
  constructor(private readonly users: Map<number, string>) {
    Session.log.push('open');
  }
  get(id: number): string | undefined {
    if (!this.open) throw new Error('session closed');
    return this.users.get(id);
  }
  close(): void {
    if (this.open) Session.log.push('close');
    this.open = false;
  }
}

const users = new Map([[1, 'Rick']]);

const getSession = dependency([], function* () {
  const session = new Session(users);
  try {
    yield session;
  } finally {
    session.close();
  }
});

const getUser = dependency([Query('user_id', { integer: true }), Depends(getSession)], (userId: number, session: Session) => {
  if (!session.get(userId)) throw new HttpException(403, 'Not authorized');
});

// The page's second variant: the session is closed as soon as the user is checked.
const getUserAndRelease = dependency([Query('user_id', { integer: true }), Depends(getSession)], (userId: number, session: Session) => {
  if (!session.get(userId)) throw new HttpException(403, 'Not authorized');
  session.close();
});

function* generateStream(query: string) {
  for (const ch of query) {
    Session.log.push(`sent ${ch}`);
    yield ch;
  }
}

@Controller()
class DemoController {
  @Get('/query-checker/')
  readQueryCheck(@Depends(checker.dependency) fixedContentIncluded: boolean) {
    return { fixed_content_in_query: fixedContentIncluded };
  }

  @Get('/generate', { dependencies: [getUser] })
  generate(@Query('query') query: string) {
    return Response.stream(generateStream(query), { contentType: 'text/plain' });
  }

  @Get('/generate-early', { dependencies: [getUserAndRelease] })
  generateEarly(@Query('query') query: string) {
    return Response.stream(generateStream(query), { contentType: 'text/plain' });
  }
}

@Module({ controllers: [DemoController] })
class AppModule {}

export const app = await bootstrap(AppModule);
