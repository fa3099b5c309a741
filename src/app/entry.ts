import { readModule } from '../metadata/read.js';
import { App } from './app.js';
import { bootstrap } from './bootstrap.js';
import { BootstrapError } from '../metadata/bootstrap-error.js';

const isModuleClass = (value: unknown): value is Function => typeof value === 'function' && readModule(value) !== undefined;

/**
 * The app an entry module offers: its default export or its export `app` (an `App`, or a
 * promise of one, or a root `@Module` class, which is bootstrapped); else the one exported
 * `@Module` class that no other exported module imports. `where` names the entry in errors.
 */
export async function appFromEntry(exports: Record<string, unknown>, where: string): Promise<App> {
  for (const name of ['default', 'app']) {
    if (!(name in exports)) continue;
    const value = await exports[name];
    if (value instanceof App) return value;
    if (isModuleClass(value)) return bootstrap(value);
  }
  const modules = Object.values(exports).filter(isModuleClass);
  const imported = new Set(modules.flatMap((mod) => readModule(mod)!.imports ?? []));
  const roots = [...new Set(modules.filter((mod) => !imported.has(mod)))];
  if (roots.length === 1) return bootstrap(roots[0]);
  if (roots.length > 1) {
    throw new BootstrapError(`${where} exports several root @Module classes (${roots.map((mod) => mod.name).join(', ')}); export default the one to serve`);
  }
  const names = Object.keys(exports);
  throw new BootstrapError(
    `${where} exports no app: write \`export default app\`, \`export const app\` or export the root @Module class` +
      ` (its exports: ${names.length > 0 ? names.join(', ') : 'none'})`,
  );
}
