// Mirrors FastAPI's tutorial/first-steps (docs/en/docs/tutorial/first-steps.md): the smallest
// app, one GET route answering JSON. FastAPI's page is function-style, so this is createApp().
import { createApp } from 'zigmund';

export const app = createApp();

app.get('/', () => ({ message: 'Hello World' }), { summary: 'Root' });
