import 'reflect-metadata';

export const LIFESPAN_HOOKS = Symbol('zigmund:lifespan-hooks');

/** Method names of a class run when the app starts and stops. */
export interface LifespanHooks {
  startup: string[];
  shutdown: string[];
}

function hook(phase: keyof LifespanHooks): MethodDecorator {
  return (target, propertyKey) => {
    const owner = target.constructor;
    const hooks: LifespanHooks = Reflect.getOwnMetadata(LIFESPAN_HOOKS, owner) ?? { startup: [], shutdown: [] };
    Reflect.defineMetadata(LIFESPAN_HOOKS, { ...hooks, [phase]: [...hooks[phase], String(propertyKey)] }, owner);
  };
}

/**
 * Runs the method of a singleton provider (or controller) when the app starts, before
 * `serve()` accepts connections; providers a hook depends on start first.
 * @example @OnStartup() async connect() { await this.pool.warmUp(); }
 */
export const OnStartup = (): MethodDecorator => hook('startup');

/**
 * Runs the method when the app stops (`app.close()`, SIGTERM, SIGINT), after in-flight
 * requests have finished; dependents stop before what they depend on.
 */
export const OnShutdown = (): MethodDecorator => hook('shutdown');
