// Mirrors FastAPI's "Settings and Environment Variables" (docs/en/docs/advanced/settings.md):
// `loadSettings(Settings)` is pydantic-settings' BaseSettings for a class-validator class (read
// from ADMIN_EMAIL, …, and a .env file); a memoized dependency is the page's @lru_cache
// get_settings, which tests replace with app.dependencyOverrides.
import 'reflect-metadata';
import { IsInt, IsString } from 'class-validator';
import { Controller, Depends, Get, Module, bootstrap, dependency, loadSettings, type SettingsOptions } from 'zigmund';

export class Settings {
  @IsString()
  appName: string = 'Awesome API';

  @IsString()
  adminEmail!: string;

  @IsInt()
  itemsPerUser: number = 50;
}

/** Where the settings are read from (the test points these at its own environment and .env file). */
export const sources: SettingsOptions = {};

let cached: Settings | undefined;
/** FastAPI's `@lru_cache def get_settings()`: read once, on first use. */
export const getSettings = dependency([], () => (cached ??= loadSettings(Settings, sources)));
export function clearSettingsCache(): void {
  cached = undefined;
}

@Controller()
class InfoController {
  @Get('/info')
  info(@Depends(getSettings) settings: Settings) {
    return { app_name: settings.appName, admin_email: settings.adminEmail, items_per_user: settings.itemsPerUser };
  }
}

@Module({ controllers: [InfoController] })
class AppModule {}

export const app = await bootstrap(AppModule);
