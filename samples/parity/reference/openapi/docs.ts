// Mirrors FastAPI's reference page "OpenAPI docs" (docs/en/docs/reference/openapi/docs.md): the
// pages get_swagger_ui_html(), get_redoc_html() and get_swagger_ui_oauth2_redirect_html() build,
// and swagger_ui_default_parameters. Zigmund serves those pages itself (docsUrl, redocUrl, the
// OAuth2 redirect under docsUrl) with FastAPI's default Swagger UI parameters, overridable with
// `swaggerUiParameters` and `swaggerUiInitOAuth`. The builder functions are not exported, so a
// page cannot be written with other asset URLs.
import { createApp } from 'zigmund';

export const app = createApp({
  title: 'Docs',
  swaggerUiParameters: { docExpansion: 'none' },
  swaggerUiInitOAuth: { clientId: 'docs-client' },
});
app.get('/ping', () => 'pong');
