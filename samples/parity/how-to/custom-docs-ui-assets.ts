// Mirrors FastAPI's "Custom Docs UI Static Assets (Self-Hosting)"
// (docs/en/docs/how-to/custom-docs-ui-assets.md). The page's goal — serving Swagger UI and ReDoc
// without a CDN — is Zigmund's default: their files come from the installed swagger-ui-dist and
// redoc packages, under /docs/assets and /redoc/assets. What is not ported: FastAPI's
// get_swagger_ui_html()/get_redoc_html() helpers, to write those pages with other asset URLs.
import { createApp, type Request } from 'zigmund';

export const app = createApp();
app.get('/users/:username', (req: Request) => ({ message: `Hello ${req.params.username}` }));
