import 'reflect-metadata';

// Decorators
export { Controller } from './metadata/controller.js';
export { Get, Post, Put, Patch, Delete, Head, Options, Trace, WebSocket } from './metadata/routes.js';
export { Param, Query, Header, Cookie, Body, Form, File, Depends } from './metadata/params.js';
export { anyOf, ResponseUnion } from './metadata/response-union.js';
export { Module, Injectable, Inject } from './metadata/module.js';
export { dependency } from './metadata/dependency.js';
export type {
  BodyOptions,
  ControllerOptions,
  DependsOptions,
  FileOptions,
  HttpMethod,
  InjectableOptions,
  ModuleOptions,
  ParamOptions,
  Provider,
  ProviderToken,
} from './metadata/records.js';

// Application
export { bootstrap } from './app/bootstrap.js';
export { App, createApp } from './app/app.js';
export type { AppOptions, ServeOptions } from './app/app.js';
export type { HttpHandlerFn, SocketHandlerFn } from './app/handlers.js';
export { Router, createRouter } from './app/router.js';
export type { RouterOptions, RouterRoute } from './app/router.js';
export { BootstrapError } from './metadata/bootstrap-error.js';
export { WorkerStartupError } from './app/workers.js';
export type { WorkerCount } from './app/workers.js';

// HTTP
export { Request } from './http/request.js';
export { Response } from './http/response.js';
export { HttpException } from './http/exceptions.js';
export type { RouteDefinition } from './http/route.js';
export type { AdditionalResponse, HttpRouteOptions } from './metadata/route-options.js';
export type { UploadedFile, FormLimits } from './http/multipart.js';

// Streams, Server-Sent Events and files
export type { StreamOptions, SseOptions, FileResponseOptions } from './http/response.js';
export type { ServerSentEvent } from './http/stream.js';
export { StreamWithoutResponse } from './http/stream.js';

// Mounting and proxies
export { staticFiles } from './http/static-files.js';
export type { StaticFilesOptions } from './http/static-files.js';
export { frontend } from './http/frontend.js';
export type { FrontendFallback, FrontendOptions } from './http/frontend.js';
export type { NodeHandler } from './http/mount.js';
export type { TrustProxy } from './http/origin.js';

// Middleware and errors
export type { Middleware, Next } from './http/middleware.js';
export type { ExceptionHandler } from './http/exception-handlers.js';
export { cors } from './middleware/cors.js';
export type { CorsOptions } from './middleware/cors.js';
export { trustedHost } from './middleware/trusted-host.js';
export type { TrustedHostOptions } from './middleware/trusted-host.js';
export { httpsRedirect } from './middleware/https-redirect.js';
export { timeout, RequestTimeout } from './middleware/timeout.js';
export { securityHeaders } from './middleware/security-headers.js';
export { compression } from './middleware/compression.js';
export type { CompressionOptions } from './middleware/compression.js';
export { rateLimit, RateLimitExceeded } from './middleware/rate-limit.js';
export type { RateLimitOptions } from './middleware/rate-limit.js';
export { rateLimitMemoryStore, rateLimitRedisStore } from './middleware/rate-limit-store.js';
export type { RateLimitStore, RateLimitHit, RateLimitRedisOptions, RateLimitRedisClient } from './middleware/rate-limit-store.js';
export { sessions } from './middleware/sessions.js';
export type { SessionOptions } from './middleware/sessions.js';
export { csrf, CsrfRejected } from './middleware/csrf.js';
export type { CsrfOptions } from './middleware/csrf.js';
export type { SecurityHeadersOptions } from './middleware/security-headers.js';

// WebSockets
export { Connection } from './websocket/connection.js';
export { Message } from './websocket/message.js';
export { ConnectionClosed, ConnectionTimeout, WebSocketException } from './websocket/errors.js';
export { CloseCode } from './websocket/close-codes.js';
export type { WebSocketOptions } from './metadata/route-options.js';

// Rooms and broadcast across processes
export { Hub } from './hub/hub.js';
export type { HubOptions, PublishOptions, Publishable } from './hub/hub.js';
export type { HubAdapter, HubMessage } from './hub/adapter.js';
export { clusterAdapter, startClusterRelay } from './hub/cluster-adapter.js';
export { redisAdapter } from './hub/redis-adapter.js';
export type { RedisAdapterOptions, RedisClient } from './hub/redis-adapter.js';

// Documentation: /openapi.json, /asyncapi.json, /docs, /redoc
export type { DocsOptions } from './openapi/docs-routes.js';
export { getSwaggerUiHtml, getRedocHtml, getSwaggerUiOauth2RedirectHtml } from './openapi/docs-html.js';
export type { SwaggerUiHtmlOptions, RedocHtmlOptions } from './openapi/docs-html.js';
export { swaggerUiDefaultParameters } from './openapi/pages.js';
export type {
  AsyncApiDocument,
  ContactInfo,
  DocumentInfo,
  JsonSchema,
  LicenseInfo,
  OpenApiTag,
  OutgoingOperation,
  WebhookMethod,
  OpenApiDocument,
  OpenApiExample,
  OpenApiOperation,
  OpenApiParameter,
  ServerInfo,
  WebSocketExtension,
} from './openapi/types.js';

// Dependency injection and resources
export { Arena } from './di/arena.js';
export type { Deferred, Disposable } from './di/arena.js';
export { Pool } from './di/pool.js';
export type { AcquireOptions, PoolOptions, PoolStats } from './di/pool.js';
export { BackgroundTasks } from './di/background-tasks.js';
export { PoolTimeout, PoolDrained, ClientDisconnected, ArenaReleased } from './di/errors.js';
export { OnStartup, OnShutdown } from './metadata/lifespan.js';
export type { LifespanFn, LifespanHook } from './di/lifespan.js';

// Security
export { Security } from './metadata/security.js';
export type { SecurityDecorator } from './metadata/security.js';
export { SecurityScheme } from './security/scheme.js';
export type { SchemeOptions, SecuritySchemeObject, OAuthFlows } from './security/scheme.js';
export { APIKeyHeader, APIKeyQuery, APIKeyCookie } from './security/api-key.js';
export type { APIKeyOptions } from './security/api-key.js';
export { HTTPBasic, HTTPBearer, HTTPDigest } from './security/http.js';
export type { HTTPBasicCredentials, HTTPBasicOptions, HTTPAuthorizationCredentials, HTTPBearerOptions } from './security/http.js';
export {
  OAuth2,
  OAuth2PasswordBearer,
  OAuth2ClientCredentials,
  OAuth2AuthorizationCodeBearer,
  OAuth2PasswordRequestForm,
  OAuth2PasswordRequestFormStrict,
  OpenIdConnect,
} from './security/oauth2.js';
export type { OAuth2Options, OAuth2FlowOptions, OAuth2AuthorizationCodeOptions, OpenIdConnectOptions } from './security/oauth2.js';
export { JWTBearer, grantedScopes } from './security/jwt.js';
export type { JWTBearerOptions } from './security/jwt.js';
export { SecurityScopes } from './security/scopes.js';
export { compareDigest } from './security/compare.js';

// Validation
export { RequestValidationError } from './validation/errors.js';
export type { ErrorDetail, Loc } from './validation/errors.js';

// Parameters, request extras, settings, templates
export { status } from './http/status.js';
export type { RequestSite } from './http/request.js';
export type { ModelOptions, SourceDefault } from './metadata/records.js';
export { loadSettings, SettingsError } from './settings/settings.js';
export type { SettingsOptions } from './settings/settings.js';
export { Templates } from './templates/templates.js';
export type { RenderOptions, TemplatesOptions } from './templates/templates.js';

// Testing
export { TestClient, WebSocketDenied } from './testing/test-client.js';
export type { TestRequestOptions, TestResponse, TestSocketOptions } from './testing/test-client.js';
