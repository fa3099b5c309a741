// Symbol keys keep our records apart from other libraries' metadata on the same classes.
export const CONTROLLER = Symbol('zigmund:controller');
export const ROUTES = Symbol('zigmund:routes');
export const PARAMS = Symbol('zigmund:params');
export const MODULE = Symbol('zigmund:module');
export const INJECTABLE = Symbol('zigmund:injectable');
export const INJECT_TOKENS = Symbol('zigmund:inject-tokens');
