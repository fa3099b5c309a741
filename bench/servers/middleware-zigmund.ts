// Zigmund with built-in middleware app-wide, for bench/middleware.ts. MIDDLEWARE names them:
// `headers` is cors() + securityHeaders(), `compression` is compression(); unset, none.
import 'reflect-metadata';
import { compression, cors, createApp, securityHeaders } from 'zigmund';
import { serverPort } from './env.js';
import { BIG } from './middleware-payload.js';

const app = createApp({ logStartup: false, openapiUrl: null });
app.get('/hello', () => ({ message: 'Hello World' }));
app.get('/big', () => BIG);
const chosen = process.env.MIDDLEWARE ?? '';
if (chosen === 'headers') app.use(cors({ allowOrigins: ['https://app.example'] }), securityHeaders());
else if (chosen === 'compression') app.use(compression({ threshold: 1024 }));
else if (chosen !== '') throw new Error(`MIDDLEWARE is headers or compression, not ${chosen}`);
await app.serve({ port: serverPort() });
