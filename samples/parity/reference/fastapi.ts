// Mirrors FastAPI's reference page "FastAPI class" (docs/en/docs/reference/fastapi.md): the app's
// parameters and members and their counterparts — title/version/description/servers/openapi_url/
// docs_url/redoc_url/swagger_ui_oauth2_redirect_url/root_path/lifespan/webhooks/dependencies/
// responses/callbacks/default_response_class (`defaultContentType`)/openapi_version/
// separate_input_output_schemas/generate_unique_id_function are options of createApp()/bootstrap();
// state, openapi(), websocket(), include_router (`includeRouter`), get/put/post/delete/options/
// head/patch/trace, mount(), middleware (`use`), exception_handler (`exceptionHandler`),
// dependency_overrides are members; on_event is the `onStartup`/`onShutdown` options; frontend
// (`app.frontend()`) serves a built single-page app after the routes.
import { fileURLToPath } from 'node:url';
import { HttpException, Request, Response, createApp, createRouter, dependency, type App, type Connection } from 'zigmund';

class TeapotError extends Error {}

export const events: string[] = [];

export const app = createApp({
  title: 'Reference API',
  version: '3.0.0',
  description: 'The **FastAPI** class, in Zigmund',
  servers: [{ url: 'https://api.example.com' }],
  openapiUrl: '/schema.json',
  docsUrl: '/swagger',
  redocUrl: null,
  swaggerUiOauth2RedirectUrl: '/swagger/callback',
  // Run before every route, as FastAPI(dependencies=[...]).
  dependencies: [dependency([Request], (req: Request) => {
    const state = (req.app as App).state;
    state.requests = ((state.requests as number | undefined) ?? 0) + 1;
  })],
  responses: { 500: { description: 'Unexpected error' } },
  generateOperationId: (route) => `op_${route.method.toLowerCase()}_${route.path.replace(/\W+/g, '_')}`,
  lifespan: async function* () {
    events.push('startup');
    yield;
    events.push('shutdown');
  },
});

app.state.owner = 'reference';

app.use(async (req, next) => (await next()).setHeader('X-Process', 'yes'));
app.exceptionHandler(TeapotError, () => Response.json({ detail: 'I am a teapot' }, 418));

app.get('/items/:id', (req: Request) => ({ id: req.params.id }));
app.get('/state', (req: Request) => (req.app as App).state);
app.put('/items/:id', () => ({ updated: true }));
app.post('/items', () => ({ created: true }));
app.patch('/items/:id', () => ({ patched: true }));
app.delete('/items/:id', () => undefined, { status: 204 });
app.options('/items', () => Response.text('', 204, { Allow: 'GET, POST' }));
app.head('/items', () => Response.text('', 200));
app.get('/teapot', () => {
  throw new TeapotError();
});
app.get('/missing', () => {
  throw new HttpException(404, 'Nope');
});
app.websocket('/ws', async (conn: Connection) => {
  await conn.sendText('hello');
});

app.trace('/items', () => ({ traced: true }));

const users = createRouter({ prefix: '/users', tags: ['users'] });
users.get('/me', () => ({ username: 'fakecurrentuser' }));
app.includeRouter(users, { prefix: '/v1' });

// A built single-page app under /ui, after the routes: files, then index.html for navigations.
app.get('/ui/config', () => ({ theme: 'dark' }));
app.frontend('/ui', { directory: fileURLToPath(new URL('../../../../samples/parity/reference/files/frontend', import.meta.url)) });
