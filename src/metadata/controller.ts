import 'reflect-metadata';
import { CONTROLLER } from './keys.js';
import type { ControllerOptions } from './records.js';

/**
 * Marks a class whose decorated methods are routes, all under `prefix`.
 * @example @Controller('/items', { tags: ['items'] }) class ItemsController {}
 */
export function Controller(prefix = '', options: ControllerOptions = {}): ClassDecorator {
  return (target) => {
    Reflect.defineMetadata(CONTROLLER, { prefix, ...options }, target);
  };
}
