// Mirrors FastAPI's reference page "Dependencies - Depends() and Security()"
// (docs/en/docs/reference/dependencies.md): `@Depends(fn, { useCache })` is Depends(dependency,
// use_cache=…) and `@Security(dep, scopes)` is Security(dependency, scopes=…). Depends' `scope`
// ("function" or "request") has no counterpart: teardowns always run after the answer is sent.
import 'reflect-metadata';
import { Controller, Depends, Get, HttpException, Module, Security, SecurityScopes, bootstrap, dependency, Header } from 'zigmund';

let calls = 0;
export const counter = dependency([], () => ++calls);

const granted = dependency([SecurityScopes, Header('x-scopes', { default: '' })], (scopes: SecurityScopes, header: string) => {
  const have = header.split(' ').filter(Boolean);
  const missing = scopes.scopes.filter((s) => !have.includes(s));
  if (missing.length > 0) throw new HttpException(403, `missing scopes: ${missing.join(' ')}`);
  return scopes.scopes;
});

@Controller()
class DepsController {
  @Get('/cached')
  cached(@Depends(counter) a: number, @Depends(counter) b: number) {
    return { a, b };
  }

  @Get('/uncached')
  uncached(@Depends(counter) a: number, @Depends(counter, { useCache: false }) b: number) {
    return { a, b };
  }

  @Get('/scoped')
  scoped(@Security(granted, ['items:read', 'items:write']) required: string[]) {
    return { required };
  }
}

@Module({ controllers: [DepsController] })
class AppModule {}

export const app = await bootstrap(AppModule);
