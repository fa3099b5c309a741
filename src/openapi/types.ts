import type { RouteDefinition } from '../http/route.js';
import type { OutgoingOperation, WebhookMethod } from '../metadata/route-options.js';
import type { OpenApiExample } from '../metadata/records.js';

export type { OpenApiExample, OutgoingOperation, WebhookMethod };

/** A JSON Schema (2020-12, as OpenAPI 3.1 and AsyncAPI 3 use it); only the keywords Zigmund writes are named. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  default?: unknown;
  examples?: unknown[];
  [keyword: string]: unknown;
}

/** `info.contact` of both documents. */
export interface ContactInfo {
  name?: string;
  url?: string;
  email?: string;
}

/** `info.license`: an SPDX `identifier` or a `url`, as OpenAPI 3.1 allows. */
export interface LicenseInfo {
  name: string;
  identifier?: string;
  url?: string;
}

/** An entry of the OpenAPI `servers` list. */
export interface ServerInfo {
  url: string;
  description?: string;
  variables?: Record<string, { default: string; enum?: string[]; description?: string }>;
}

/** What the documents' `info` and `servers` are made of: a subset of the app options. */
export interface DocumentInfo {
  /** The API's name in the documents and the docs pages' titles (default `Zigmund`). */
  title?: string;
  /** The API's version (default `0.1.0`). */
  version?: string;
  /** A Markdown description of the API. */
  description?: string;
  /** Where the API is reached; AsyncAPI gets the absolute `http(s)` ones as `ws(s)` servers. */
  servers?: ServerInfo[];
  contact?: ContactInfo;
  license?: LicenseInfo;
  /** OpenAPI `info.summary`: one line about the API. */
  summary?: string;
  /**
   * The `openapi` field (default `3.1.0`, the version the document is written in), as FastAPI's
   * `openapi_version`: only for tools that refuse 3.1 by its number; the content stays 3.1.
   */
  openapiVersion?: string;
  /** OpenAPI `info.termsOfService`: a URL. */
  termsOfService?: string;
  /** Descriptions (and external docs) of the tags routes use, in the order shown by the docs pages. */
  openapiTags?: OpenApiTag[];
  /** Requests the API sends to its users, by name (OpenAPI's `webhooks`). */
  webhooks?: Record<string, Partial<Record<WebhookMethod, OutgoingOperation>>>;
  /** Derives each operation id from its route (a route's own `operationId` still wins). */
  generateOperationId?: (route: RouteDefinition) => string;
  /**
   * A class used both as a body and as a response model gets `Name-Input` and `Name-Output`
   * schemas when they differ (fields it initialises are required in the output), as FastAPI
   * does (default true); `false` documents one schema, the input one.
   */
  separateInputOutputSchemas?: boolean;
}

/** A tag's entry in the document's `tags`. */
export interface OpenApiTag {
  name: string;
  description?: string;
  externalDocs?: { url: string; description?: string };
}

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: JsonSchema;
  description?: string;
  deprecated?: boolean;
  example?: unknown;
  examples?: Record<string, OpenApiExample>;
}

export interface OpenApiMediaType {
  schema: JsonSchema;
  example?: unknown;
  examples?: Record<string, OpenApiExample>;
}

export interface OpenApiRequestBody {
  required: boolean;
  content: Record<string, OpenApiMediaType>;
  description?: string;
}

export interface OpenApiResponse {
  description: string;
  content?: Record<string, OpenApiMediaType>;
}

export interface OpenApiOperation {
  operationId: string;
  summary?: string;
  description?: string;
  tags?: string[];
  deprecated?: boolean;
  parameters?: OpenApiParameter[];
  requestBody?: OpenApiRequestBody;
  responses: Record<string, OpenApiResponse>;
  /** Security requirements: each maps scheme names to the scopes required. */
  security?: Record<string, string[]>[];
  /** A WebSocket route's configuration, on the GET operation that upgrades. */
  'x-websocket'?: WebSocketExtension;
  callbacks?: Record<string, Record<string, OpenApiPathItem>>;
  [extension: `x-${string}`]: unknown;
}

/** The `x-websocket` extension of a WebSocket route's operation. */
export interface WebSocketExtension {
  idleTimeoutMs: number;
  maxMessageBytes: number;
  maxPendingMessages: number;
  sendTimeoutMs: number;
  maxBufferedBytes: number;
  autoPong: boolean;
  pingIntervalMs: number;
  pongTimeoutMs: number;
  subprotocols: string[];
  requireSubprotocol: boolean;
  allowedOrigins: string[];
}

export type OpenApiPathItem = Partial<Record<'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace', OpenApiOperation>>;

/** The OpenAPI 3.1 document served at `/openapi.json` and returned by `app.openapi()`. */
export interface OpenApiDocument {
  /** `3.1.0`, unless the `openapiVersion` option says otherwise. */
  openapi: string;
  info: {
    title: string;
    version: string;
    description?: string;
    contact?: ContactInfo;
    license?: LicenseInfo;
    summary?: string;
    termsOfService?: string;
    [extension: `x-${string}`]: unknown;
  };
  servers?: ServerInfo[];
  paths: Record<string, OpenApiPathItem>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes?: Record<string, SecuritySchemeObject> };
  tags?: OpenApiTag[];
  webhooks?: Record<string, OpenApiPathItem>;
  [extension: `x-${string}`]: unknown;
}

export interface AsyncApiParameter {
  description?: string;
  enum?: string[];
  default?: string;
  examples?: string[];
}

export interface AsyncApiMessage {
  name: string;
  title?: string;
  contentType: string;
  payload: JsonSchema;
}

/** The `ws` channel binding: what the opening handshake carries. */
export interface WebSocketChannelBinding {
  method: 'GET';
  query?: JsonSchema;
  headers?: JsonSchema;
  bindingVersion: '0.1.0';
}

export interface AsyncApiChannel {
  address: string;
  summary?: string;
  description?: string;
  title?: string;
  parameters?: Record<string, AsyncApiParameter>;
  messages?: Record<string, { $ref: string }>;
  tags?: { name: string }[];
  bindings?: { ws: WebSocketChannelBinding };
  'x-websocket'?: WebSocketExtension;
  callbacks?: Record<string, Record<string, OpenApiPathItem>>;
  [extension: `x-${string}`]: unknown;
}

export interface AsyncApiOperation {
  action: 'send' | 'receive';
  channel: { $ref: string };
  summary?: string;
  messages: { $ref: string }[];
  security?: (AsyncApiSecurityScheme | { $ref: string })[];
}

/** An AsyncAPI 3.0 Security Scheme Object, as Zigmund's schemes translate to it. */
export interface AsyncApiSecurityScheme {
  type: 'httpApiKey' | 'http' | 'oauth2' | 'openIdConnect';
  description?: string;
  name?: string;
  in?: 'header' | 'query' | 'cookie';
  scheme?: string;
  bearerFormat?: string;
  flows?: Record<string, Record<string, unknown>>;
  openIdConnectUrl?: string;
  scopes?: string[];
}

export interface AsyncApiServer {
  host: string;
  protocol: 'ws' | 'wss';
  pathname?: string;
  description?: string;
}

/** The AsyncAPI 3.0 document served at `/asyncapi.json` and returned by `app.asyncapi()`. */
export interface AsyncApiDocument {
  asyncapi: '3.0.0';
  info: { title: string; version: string; description?: string; contact?: ContactInfo; license?: { name: string; url?: string } };
  servers?: Record<string, AsyncApiServer>;
  defaultContentType: string;
  channels: Record<string, AsyncApiChannel>;
  operations: Record<string, AsyncApiOperation>;
  components: {
    schemas: Record<string, JsonSchema>;
    messages: Record<string, AsyncApiMessage>;
    securitySchemes?: Record<string, AsyncApiSecurityScheme>;
  };
  [extension: `x-${string}`]: unknown;
}

/** A Security Scheme Object of OpenAPI 3.1, as a scheme describes itself. */
export type SecuritySchemeObject =
  | { type: 'apiKey'; name: string; in: 'header' | 'query' | 'cookie'; description?: string }
  | { type: 'http'; scheme: string; bearerFormat?: string; description?: string }
  | { type: 'oauth2'; flows: OAuthFlows; description?: string }
  | { type: 'openIdConnect'; openIdConnectUrl: string; description?: string };

/** The OAuth2 flows of an `oauth2` scheme, as OpenAPI spells them. */
export interface OAuthFlows {
  password?: { tokenUrl: string; refreshUrl?: string; scopes: Record<string, string> };
  clientCredentials?: { tokenUrl: string; refreshUrl?: string; scopes: Record<string, string> };
  authorizationCode?: { authorizationUrl: string; tokenUrl: string; refreshUrl?: string; scopes: Record<string, string> };
  implicit?: { authorizationUrl: string; refreshUrl?: string; scopes: Record<string, string> };
}

/** What the documents need of a security scheme (`src/security/`'s schemes are such objects). */
export interface DocumentedScheme {
  readonly schemeName: string;
  /** `false` when the scheme lets requests without credentials through. */
  readonly autoError: boolean;
  openapi(): SecuritySchemeObject;
}
