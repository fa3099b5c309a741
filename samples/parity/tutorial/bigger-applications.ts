// Mirrors FastAPI's "Bigger Applications - Multiple Files" (docs/en/docs/tutorial/bigger-applications.md):
// the app split over files in bigger-applications/ — shared dependencies, a router per concern,
// an internal admin router left unchanged — included in the app as the page's app/main.py does.
// Routers without classes (createRouter/includeRouter) are for createApp() apps, so this app is
// one; in a module app a controller plays the router's part. The page's handlers take their
// path parameter from `req.params` (a function route declares no parameters).
import { createApp } from 'zigmund';
import { getQueryToken, getTokenHeader } from './bigger-applications/dependencies.js';
import { router as admin } from './bigger-applications/internal/admin.js';
import { router as items } from './bigger-applications/routers/items.js';
import { router as users } from './bigger-applications/routers/users.js';

export const app = createApp({ dependencies: [getQueryToken] });

app.includeRouter(users);
app.includeRouter(items);
app.includeRouter(admin, {
  prefix: '/admin',
  tags: ['admin'],
  dependencies: [getTokenHeader],
  responses: { 418: { description: "I'm a teapot" } },
});

app.get('/', async () => ({ message: 'Hello Bigger Applications!' }), { summary: 'Root' });
