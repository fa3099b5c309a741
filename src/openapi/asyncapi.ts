import { parsePath } from '../http/path-template.js';
import type { RouteDefinition } from '../http/route.js';
import { planParam } from '../validation/coerce.js';
import { modelFields, type ModelSource } from '../validation/param-model.js';
import type { WebSocketOptions } from '../metadata/route-options.js';
import { infoObject, openApiPath, websocketExtension } from './document.js';
import { operationIds } from './operation-ids.js';
import { requestParams, type DependencyGraph, type RequestParam } from './route-params.js';
import { routeSecurity, type SecurityUse } from './route-security.js';
import { createSchemaRegistry, jsonValue, scalarSchema, type SchemaRegistry } from './schemas.js';
import type {
  AsyncApiChannel,
  AsyncApiDocument,
  AsyncApiMessage,
  AsyncApiOperation,
  AsyncApiParameter,
  AsyncApiSecurityScheme,
  SecuritySchemeObject,
  AsyncApiServer,
  DocumentInfo,
  JsonSchema,
  WebSocketChannelBinding,
} from './types.js';

/**
 * Builds the AsyncAPI 3.0 document of a route table's WebSocket routes: one channel per
 * route (keyed by its operation id, as in the OpenAPI document), its handshake's query and
 * headers as the `ws` binding, and a `receive` / `send` operation for the DTOs named by the
 * route's `receives` / `sends` options.
 */
export function buildAsyncApi(routes: readonly RouteDefinition[], info: DocumentInfo, graph: DependencyGraph): AsyncApiDocument {
  const documented = routes.filter((route) => route.options.includeInSchema !== false);
  const ids = operationIds(documented, info.generateOperationId);
  const schemas = createSchemaRegistry();
  const messages: Record<string, AsyncApiMessage> = {};
  const channels: Record<string, AsyncApiChannel> = {};
  const operations: Record<string, AsyncApiOperation> = {};
  const securitySchemes: Record<string, AsyncApiSecurityScheme> = {};

  for (const route of documented) {
    if (route.kind !== 'websocket') continue;
    const options = route.options as WebSocketOptions;
    const key = ids.get(route)!.replace(/[^A-Za-z0-9_.-]/g, '_');
    const channel = channelOf(route, options, requestParams(route, graph));
    channels[key] = channel;
    const security = channelSecurity(routeSecurity(route, graph), securitySchemes, absoluteBase(info));
    if (security) channel['x-security'] = security.requirement;
    for (const [action, dto] of [['receive', options.receives], ['send', options.sends]] as const) {
      if (!dto) continue;
      const name = messageFor(dto, messages, schemas);
      channel.messages = { ...channel.messages, [name]: { $ref: `#/components/messages/${name}` } };
      operations[`${key}_${action}`] = {
        action,
        channel: { $ref: `#/channels/${key}` },
        ...(options.summary !== undefined && { summary: options.summary }),
        messages: [{ $ref: `#/channels/${key}/messages/${name}` }],
        ...(security && { security: security.schemes }),
      };
    }
  }

  const servers = asyncServers(info);
  return {
    asyncapi: '3.0.0',
    info: {
      ...infoObject(info),
      ...(info.license && { license: { name: info.license.name, ...(info.license.url && { url: info.license.url }) } }),
    },
    ...(servers && { servers }),
    defaultContentType: 'application/json',
    channels,
    operations,
    components: { schemas: schemas.components(), messages, ...(Object.keys(securitySchemes).length > 0 && { securitySchemes }) },
  };
}

/**
 * A channel's schemes in AsyncAPI's spelling: each in `components.securitySchemes`, referred to
 * by the operations (inline with its `scopes` where some are required), and the OpenAPI-style
 * requirement `{ name: scopes }` on the channel as `x-security`, since AsyncAPI 3 channels have no `security`.
 */
function channelSecurity(uses: SecurityUse[], components: Record<string, AsyncApiSecurityScheme>, base: string | undefined) {
  if (uses.length === 0) return undefined;
  const requirement: Record<string, string[]> = {};
  const schemes: (AsyncApiSecurityScheme | { $ref: string })[] = [];
  for (const { scheme, scopes } of uses) {
    const model = asyncScheme(scheme.openapi(), base);
    let name = scheme.schemeName;
    for (let n = 2; components[name] && JSON.stringify(components[name]) !== JSON.stringify(model); n++) name = `${scheme.schemeName}${n}`;
    components[name] = model;
    requirement[name] = scopes;
    const scoped = scopes.length > 0 && (model.type === 'oauth2' || model.type === 'openIdConnect');
    schemes.push(scoped ? { ...model, scopes } : { $ref: `#/components/securitySchemes/${name}` });
  }
  return { requirement: [requirement], schemes };
}

/** The first server URL that is absolute: what relative OAuth2 URLs are resolved against. */
function absoluteBase(info: DocumentInfo): string | undefined {
  return info.servers?.map((s) => s.url).find((url) => URL.canParse(url) && !url.includes('{'));
}

// AsyncAPI wants absolute OAuth2 URLs; a flow whose URLs cannot be made absolute (a relative
// `tokenUrl` and no absolute server) is described as what the client sends: a bearer token.
function asyncScheme(model: SecuritySchemeObject, base: string | undefined): AsyncApiSecurityScheme {
  const description = model.description !== undefined ? { description: model.description } : {};
  switch (model.type) {
    case 'apiKey':
      return { type: 'httpApiKey', name: model.name, in: model.in, ...description };
    case 'http':
      return { type: 'http', scheme: model.scheme, ...(model.bearerFormat !== undefined && { bearerFormat: model.bearerFormat }), ...description };
    case 'openIdConnect':
      return { type: 'openIdConnect', openIdConnectUrl: model.openIdConnectUrl, ...description };
    case 'oauth2': {
      const flows: Record<string, Record<string, unknown>> = {};
      for (const [flow, { scopes, ...urls }] of Object.entries(model.flows)) {
        const absolute: Record<string, string> = {};
        for (const [name, url] of Object.entries(urls as Record<string, string>)) {
          const resolved = URL.canParse(url) ? url : base !== undefined ? new URL(url, base).href : undefined;
          if (resolved === undefined) {
            const where = Object.values(model.flows).map((f) => f.tokenUrl ?? f.authorizationUrl).join(', ');
            return { type: 'http', scheme: 'bearer', description: model.description ?? `OAuth2 (${Object.keys(model.flows).join(', ')}) bearer token from ${where}` };
          }
          absolute[name] = resolved;
        }
        flows[flow] = { ...absolute, availableScopes: scopes };
      }
      return { type: 'oauth2', flows, ...description };
    }
  }
}

function channelOf(route: RouteDefinition, options: WebSocketOptions, params: RequestParam[]): AsyncApiChannel {
  const tags = [...new Set(route.tags)];
  const parameters = channelParameters(route.path, params);
  const binding = wsBinding(params);
  return {
    address: openApiPath(route.path),
    ...(options.summary !== undefined && { summary: options.summary }),
    ...(options.description !== undefined && { description: options.description }),
    ...(parameters && { parameters }),
    ...(tags.length > 0 && { tags: tags.map((name) => ({ name })) }),
    ...(binding && { bindings: { ws: binding } }),
    'x-websocket': websocketExtension(options),
  };
}

// AsyncAPI 3.0 parameters are strings described by enum, default and examples, not by a schema.
function channelParameters(path: string, params: RequestParam[]): Record<string, AsyncApiParameter> | undefined {
  const names = parsePath(path).params.map((p) => p.name);
  if (names.length === 0) return undefined;
  const out: Record<string, AsyncApiParameter> = {};
  for (const name of names) {
    const spec = params.find((p) => p.source === 'path' && p.name === name);
    const plan = spec && planParam(spec);
    const example = jsonValue(spec?.options.example);
    out[name] = {
      ...(spec?.options.description !== undefined && { description: spec.options.description }),
      ...(plan?.enumValues && { enum: plan.enumValues.map(String) }),
      ...(example !== undefined && { examples: [String(example)] }),
    };
  }
  return out;
}

function wsBinding(params: RequestParam[]): WebSocketChannelBinding | undefined {
  const query = objectSchema(params.filter((p) => p.source === 'query'));
  const headers = objectSchema(params.filter((p) => p.source === 'header'));
  if (!query && !headers) return undefined;
  return { method: 'GET', ...(query && { query }), ...(headers && { headers }), bindingVersion: '0.1.0' };
}

function objectSchema(params: RequestParam[]): JsonSchema | undefined {
  if (params.length === 0) return undefined;
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const spec of params) {
    if (spec.name === undefined) {
      const cls = (spec.options.type ?? spec.type) as Function;
      for (const field of modelFields(cls, spec.source as ModelSource, spec.options)) properties[field.key] = scalarSchema(field.plan);
      continue;
    }
    const plan = planParam(spec);
    const schema = scalarSchema(plan);
    properties[spec.name!] = spec.options.description !== undefined ? { ...schema, description: spec.options.description } : schema;
    if (plan.required) required.push(spec.name!);
  }
  return { type: 'object', properties, ...(required.length > 0 && { required }) };
}

function messageFor(dto: Function, messages: Record<string, AsyncApiMessage>, schemas: SchemaRegistry): string {
  const name = dto.name.replace(/[^A-Za-z0-9_.-]/g, '_') || 'Message';
  messages[name] ??= { name, title: dto.name, contentType: 'application/json', payload: schemas.forType(dto) };
  return name;
}

// An OpenAPI server URL, turned to its WebSocket scheme; relative or templated URLs have no host to give.
function asyncServers(info: DocumentInfo): Record<string, AsyncApiServer> | undefined {
  const out: Record<string, AsyncApiServer> = {};
  (info.servers ?? []).forEach((server, index) => {
    if (!URL.canParse(server.url) || server.url.includes('{')) return;
    const url = new URL(server.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return;
    out[`server${index + 1}`] = {
      host: url.host,
      protocol: url.protocol === 'https:' ? 'wss' : 'ws',
      ...(url.pathname !== '/' && { pathname: url.pathname.replace(/\/$/, '') }),
      ...(server.description !== undefined && { description: server.description }),
    };
  });
  return Object.keys(out).length > 0 ? out : undefined;
}
