// Mirrors FastAPI's "Configure Swagger UI" (docs/en/docs/how-to/configure-swagger-ui.md):
// `swaggerUiParameters` is `swagger_ui_parameters`, passed to SwaggerUIBundle over the defaults.
import { createApp, type AppOptions, type Request } from 'zigmund';

function makeApp(options: AppOptions) {
  const app = createApp(options);
  app.get('/users/:username', (req: Request) => ({ message: `Hello ${req.params.username}` }));
  return app;
}

/** Syntax highlighting off. */
export const noHighlightApp = makeApp({ swaggerUiParameters: { syntaxHighlight: false } });

/** Another theme. */
export const themeApp = makeApp({ swaggerUiParameters: { syntaxHighlight: { theme: 'obsidian' } } });

/** A default changed: deep linking off. */
export const noDeepLinkingApp = makeApp({ swaggerUiParameters: { deepLinking: false } });
