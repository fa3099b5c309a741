import { App, type AppOptions } from './app.js';
import { scanModules } from './scanner.js';

/**
 * Scans the module tree once, builds providers and controllers, and compiles every route.
 * @example const app = await bootstrap(AppModule, { title: 'Demo', version: '1.0' });
 */
export async function bootstrap(rootModule: Function, options: AppOptions = {}): Promise<App> {
  const app = new App(options);
  for (const route of await scanModules(rootModule, app.container)) app.addRoute(route);
  return app;
}
