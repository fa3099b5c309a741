// Mirrors FastAPI's tutorial/cors (docs/en/docs/tutorial/cors.md): CORS for a list of origins,
// with credentials, any method and any header. Starlette's CORSMiddleware options are cors()'s,
// in camelCase.
import { cors, createApp } from 'zigmund';

const origins = ['http://localhost.tiangolo.com', 'https://localhost.tiangolo.com', 'http://localhost', 'http://localhost:8080'];

export const app = createApp();
app.use(cors({ allowOrigins: origins, allowCredentials: true, allowMethods: ['*'], allowHeaders: ['*'] }));
app.get('/', () => ({ message: 'Hello World' }), { summary: 'Main' });
