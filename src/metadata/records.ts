import type { Middleware } from '../http/middleware.js';
import type { HttpRouteOptions, InheritedRouteOptions, WebSocketOptions } from './route-options.js';

/** A named example of a parameter or a body (OpenAPI's Example Object), shown by Swagger UI in a menu. */
export interface OpenApiExample {
  summary?: string;
  description?: string;
  /** The example itself; `externalValue` is a URL to one instead. */
  value?: unknown;
  externalValue?: string;
}

/**
 * What `@Controller(prefix, options)` records. Its `responses`, `callbacks`, `deprecated` and
 * `includeInSchema` apply to every route of the controller, as an `APIRouter`'s.
 */
export interface ControllerOptions extends InheritedRouteOptions {
  /** Tags added to every route of the controller in the OpenAPI document. */
  tags?: string[];
  /** Dependencies run before every route of the controller, for their effect. */
  dependencies?: unknown[];
  /** Middleware around every route of the controller, inside the app's. */
  middleware?: Middleware[];
}

export interface ControllerRecord extends ControllerOptions {
  prefix: string;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS' | 'TRACE';

export type RouteRecord =
  | { kind: 'http'; method: HttpMethod; path: string; propertyKey: string; options: HttpRouteOptions }
  | { kind: 'websocket'; method: 'GET'; path: string; propertyKey: string; options: WebSocketOptions };

export type ParamSource = 'path' | 'query' | 'header' | 'cookie' | 'body' | 'form' | 'file' | 'depends';

/** A scalar a path, query, header, cookie or form value is coerced to. */
export type ScalarType = StringConstructor | NumberConstructor | BooleanConstructor | DateConstructor;

/** Options of `@Param`, `@Query`, `@Header`, `@Cookie` and `@Form`. */
export interface ParamOptions {
  /** Overrides the emitted type: a scalar, or `[Scalar]` for a list (repeated query keys). */
  type?: ScalarType | [ScalarType];
  /** Only whole numbers are accepted (`type: integer` in OpenAPI). */
  integer?: boolean;
  /** Allowed values: a TypeScript string enum object or a list. */
  enum?: Record<string, string | number> | readonly (string | number)[];
  /** Used when the value is absent; makes the parameter optional. */
  default?: unknown;
  /** `false` makes the parameter optional without a default (it is `undefined` when absent). */
  required?: boolean;
  /** Numbers: greater than. */
  gt?: number;
  /** Numbers: greater than or equal to. */
  ge?: number;
  /** Numbers: less than. */
  lt?: number;
  /** Numbers: less than or equal to. */
  le?: number;
  /** Numbers: a whole multiple of this. */
  multipleOf?: number;
  /** Strings: at least this many characters; lists: at least this many items. */
  minLength?: number;
  /** Strings: at most this many characters; lists: at most this many items. */
  maxLength?: number;
  /** Strings: must match (anywhere, unless anchored with `^…$`). */
  pattern?: string | RegExp;
  /**
   * The name on the wire when it differs from the one given first (FastAPI's `alias`):
   * `@Query('q', { alias: 'item-query' })` reads `?item-query=`, and errors and the document name it.
   */
  alias?: string;
  /** The schema's `title` in the OpenAPI document. */
  title?: string;
  description?: string;
  deprecated?: boolean;
  /** One example, in the parameter's OpenAPI entry. */
  example?: unknown;
  /** Examples of the value, in the parameter's JSON schema (`schema.examples`). */
  examples?: unknown[];
  /** Named examples, in the parameter's OpenAPI entry (`examples`): Swagger UI offers them in a menu. */
  openapiExamples?: Record<string, OpenApiExample>;
  /** `false` leaves the parameter out of the OpenAPI document; it is still read and validated. */
  includeInSchema?: boolean;
}

/** Options of a parameter model: `@Query()`, `@Header()`, `@Cookie()`, `@Form()` taking a whole DTO class. */
export interface ModelOptions {
  /** Overrides the emitted type: the DTO class. */
  type?: Function;
  /** Answer 422 `extra_forbidden` for keys the class does not declare. */
  forbidUnknown?: boolean;
  /**
   * `@Header()` only: `false` reads each field from the header named as the field (`save_data`),
   * not from the dashed one (`save-data`), as FastAPI's `Header(convert_underscores=False)`.
   */
  convertUnderscores?: boolean;
  description?: string;
}

/**
 * Options of `@Body()`. The constraints (`integer`, `gt`, `ge`, `lt`, `le`, `multipleOf`,
 * `minLength`, `maxLength`, `pattern`) apply to a singular value under a key, as FastAPI's
 * `Body(gt=0)`: `@Body('importance', { integer: true, gt: 0 }) importance: number`.
 */
/** The options that constrain a scalar value (`integer`, `gt`, …, `pattern`), which a keyed `@Body` value takes too. */
export type ConstraintOptions = Pick<ParamOptions, 'integer' | 'gt' | 'ge' | 'lt' | 'le' | 'multipleOf' | 'minLength' | 'maxLength' | 'pattern'>;

export interface BodyOptions extends ConstraintOptions {
  /** Overrides the emitted type, e.g. a DTO class, or `[Dto]` for a list of them. */
  type?: Function | [Function];
  /** Strip properties the DTO does not declare. */
  whitelist?: boolean;
  /** Answer 422 for properties the DTO does not declare. */
  forbidUnknown?: boolean;
  required?: boolean;
  /** The key of the body object to read (FastAPI's `alias`, with `embed`): `@Body({ alias: 'item' })` is `@Body('item')`. */
  alias?: string;
  /** The schema's `title` in the OpenAPI document. */
  title?: string;
  description?: string;
  /** Marks the body (or its key) `deprecated` in its OpenAPI schema. */
  deprecated?: boolean;
  /** Example bodies, shown in the OpenAPI schema (`examples`) and by Swagger UI. */
  examples?: unknown[];
  /** Named example bodies, in the request body's media type (`examples`): Swagger UI offers them in a menu. */
  openapiExamples?: Record<string, OpenApiExample>;
}

/** Options of `@File()`. */
export interface FileOptions {
  /** Several files under the same field name. */
  multiple?: boolean;
  required?: boolean;
  description?: string;
}

/** Options of `@Depends()`. */
export interface DependsOptions {
  /** Run the provider again instead of reusing its value within the same request. */
  useCache?: boolean;
}

export interface ParamRecord {
  index: number;
  source: ParamSource;
  /** Field name: path parameter, query key, header, cookie, form field or body key. */
  name?: string;
  options: Omit<ParamOptions, 'type'> & Omit<BodyOptions, 'type'> & FileOptions & DependsOptions & Pick<ModelOptions, 'convertUnderscores'> & {
    type?: ParamOptions['type'] | BodyOptions['type'];
    /** Scopes required by `@Security(provider, scopes)` (and by everything below it). */
    scopes?: readonly string[];
  };
  /** What `@Depends` or `@Security` runs: a function, a class, or a security scheme. */
  provider?: Function | ProviderObject;
  /** The parameter's own JavaScript default (`limit = 10`), read from the function's source. */
  sourceDefault?: SourceDefault;
}

/**
 * How one handler parameter is filled: from a decorator record, or by its declared type
 * (`Request`, `Response`, `Arena`, `Connection`, a provider class).
 */
export type ParamSpec = (ParamRecord & { type: unknown }) | { index: number; source: 'type'; type: unknown };

/**
 * A default written in the function's source: a literal's value is known (and documented);
 * any other expression is only known to exist, and JavaScript evaluates it per call.
 */
export type SourceDefault = { literal: true; value: unknown } | { literal: false; text: string };

/** A provider that is an object rather than a function: a security scheme (see `src/security/`). */
export interface ProviderObject {
  readonly schemeName: string;
}

/** What `@Module()` records. */
export interface ModuleOptions {
  imports?: Function[];
  controllers?: Function[];
  providers?: Provider[];
  exports?: unknown[];
  /** Providers exported by a global module are visible everywhere. */
  global?: boolean;
}

export type ProviderToken = Function | string | symbol;

export type Provider =
  | Function
  | { provide: ProviderToken; useValue: unknown }
  | { provide: ProviderToken; useClass: Function }
  | { provide: ProviderToken; useFactory: (...args: never[]) => unknown; inject?: ProviderToken[] };

/** What `@Injectable()` records. */
export interface InjectableOptions {
  /** `singleton` (default): one per app; `request`: one per HTTP request or WebSocket connection. */
  scope?: 'singleton' | 'request';
}
