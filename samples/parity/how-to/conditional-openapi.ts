// Mirrors FastAPI's "Conditional OpenAPI" (docs/en/docs/how-to/conditional-openapi.md): the OpenAPI
// URL comes from the settings (OPENAPI_URL); an empty one turns off the document, /docs and /redoc.
import 'reflect-metadata';
import { IsString } from 'class-validator';
import { createApp, loadSettings } from 'zigmund';

export class Settings {
  @IsString()
  openapiUrl: string = '/openapi.json';
}

/** Builds the app from an environment (the process's by default), as the page's module does on import. */
export function makeApp(env: Record<string, string | undefined> = process.env) {
  const settings = loadSettings(Settings, { env, envFile: false });
  const app = createApp({ openapiUrl: settings.openapiUrl === '' ? null : settings.openapiUrl });
  app.get('/', () => ({ message: 'Hello World' }));
  return app;
}

export const app = makeApp();
