import { STATUS_CODES } from 'node:http';
import { parsePath } from '../http/path-template.js';
import type { RouteDefinition } from '../http/route.js';
import type { AdditionalResponse, HttpRouteOptions, WebSocketOptions } from '../metadata/route-options.js';
import { hasConstraints, planParam } from '../validation/coerce.js';
import { modelFields } from '../validation/param-model.js';
import { modelDefaults } from '../validation/response-model.js';
import { resolveSocketLimits } from '../websocket/options.js';
import { operationIds } from './operation-ids.js';
import { requestParams, type DependencyGraph, type RequestParam } from './route-params.js';
import { createSecurityRegistry, routeSecurity, type SecurityRegistry } from './route-security.js';
import { createSchemaRegistry, jsonValue, scalarSchema, type SchemaRegistry } from './schemas.js';
import type {
  ContactInfo,
  DocumentInfo,
  JsonSchema,
  OpenApiDocument,
  OpenApiMediaType,
  OpenApiOperation,
  OpenApiParameter,
  OpenApiPathItem,
  OpenApiRequestBody,
  OpenApiResponse,
  OutgoingOperation,
  WebhookMethod,
  WebSocketExtension,
} from './types.js';

type Verb = keyof OpenApiPathItem;

const NO_CONTENT = new Set([204, 205, 304]);

/**
 * Builds the OpenAPI 3.1 document of a route table: every route but those with
 * `includeInSchema: false`, WebSocket routes as `GET` operations answering 101 with their
 * configuration in `x-websocket`.
 */
export function buildOpenApi(routes: readonly RouteDefinition[], info: DocumentInfo, graph: DependencyGraph): OpenApiDocument {
  const documented = routes.filter((route) => route.options.includeInSchema !== false);
  const ids = operationIds(documented, info.generateOperationId);
  const schemas = createSchemaRegistry({ separateInputOutput: info.separateInputOutputSchemas });
  const security = createSecurityRegistry();
  const paths: Record<string, OpenApiPathItem> = {};
  for (const route of documented) paths[openApiPath(route.path)] ??= {};
  // HTTP routes first: a WebSocket route on the path of an HTTP GET is described on that GET.
  for (const route of documented) {
    if (route.kind === 'http') paths[openApiPath(route.path)][route.method.toLowerCase() as Verb] = httpOperation(route, ids.get(route)!, schemas, security, graph);
  }
  for (const route of documented) {
    if (route.kind !== 'websocket') continue;
    const item = paths[openApiPath(route.path)];
    if (item.get) item.get['x-websocket'] = websocketExtension(route.options as WebSocketOptions);
    else item.get = websocketOperation(route, ids.get(route)!, schemas, security, graph);
  }
  const webhooks = info.webhooks && outgoingPaths(info.webhooks, schemas);
  const securitySchemes = security.components();
  return {
    openapi: info.openapiVersion ?? '3.1.0',
    info: {
      ...infoObject(info),
      ...(info.summary !== undefined && { summary: info.summary }),
      ...(info.termsOfService !== undefined && { termsOfService: info.termsOfService }),
      ...(info.license && { license: info.license }),
    },
    ...(info.servers && info.servers.length > 0 && { servers: info.servers }),
    ...(info.openapiTags && info.openapiTags.length > 0 && { tags: info.openapiTags }),
    paths,
    ...(webhooks && { webhooks }),
    components: { schemas: schemas.components(), ...(Object.keys(securitySchemes).length > 0 && { securitySchemes }) },
  };
}

/** The `info` fields both documents share (their licenses differ: AsyncAPI has no SPDX `identifier`). */
export function infoObject(info: DocumentInfo): { title: string; version: string; description?: string; contact?: ContactInfo } {
  return {
    title: info.title ?? 'Zigmund',
    version: info.version ?? '0.1.0',
    ...(info.description !== undefined && { description: info.description }),
    ...(info.contact && { contact: info.contact }),
  };
}

/** A route path in OpenAPI's spelling: `/items/:id` → `/items/{id}`, regex constraints dropped. */
export function openApiPath(path: string): string {
  return parsePath(path).openApiPath;
}

function baseOperation(route: RouteDefinition, operationId: string, params: RequestParam[], schemas: SchemaRegistry, body?: OpenApiRequestBody): OpenApiOperation {
  const { summary, description, deprecated } = route.options;
  const tags = [...new Set(route.tags)];
  const parameters = parametersOf(route, params, schemas);
  return {
    operationId,
    ...(summary !== undefined && { summary }),
    ...(description !== undefined && { description }),
    ...(tags.length > 0 && { tags }),
    ...(deprecated && { deprecated: true }),
    ...(parameters.length > 0 && { parameters }),
    ...(body && { requestBody: body }),
    responses: {},
  };
}

function httpOperation(route: RouteDefinition, operationId: string, schemas: SchemaRegistry, security: SecurityRegistry, graph: DependencyGraph): OpenApiOperation {
  const options = route.options as HttpRouteOptions;
  const params = requestParams(route, graph);
  const operation = baseOperation(route, operationId, params, schemas, requestBody(params, schemas));
  const status = options.status ?? 200;
  operation.responses[String(status)] = successResponse(status, options, schemas);
  secure(operation, route, security, graph);
  if (params.length > 0) operation.responses['422'] = validationResponse(schemas);
  for (const [code, extra] of Object.entries(options.responses ?? {})) {
    operation.responses[code] = additionalResponse(operation.responses[code], code, extra, schemas);
  }
  if (options.callbacks) {
    operation.callbacks = {};
    for (const [name, byExpression] of Object.entries(options.callbacks)) operation.callbacks[name] = outgoingPaths(byExpression, schemas);
  }
  if (options.openapiExtra) deepMerge(operation as unknown as Record<string, unknown>, jsonValue(options.openapiExtra) as Record<string, unknown>);
  return operation;
}

/** Webhooks and callbacks: requests the API makes, keyed by name or URL expression, then by method. */
function outgoingPaths(
  entries: Record<string, Partial<Record<WebhookMethod, OutgoingOperation>>>,
  schemas: SchemaRegistry,
): Record<string, OpenApiPathItem> {
  const out: Record<string, OpenApiPathItem> = {};
  for (const [key, methods] of Object.entries(entries)) {
    const item: OpenApiPathItem = {};
    for (const [method, spec] of Object.entries(methods) as [WebhookMethod, OutgoingOperation][]) {
      const responses: Record<string, OpenApiResponse> = {
        '200': {
          description: spec.responseDescription ?? 'Successful Response',
          content: { 'application/json': { schema: spec.responseModel ? schemas.forType(spec.responseModel, 'output') : {} } },
        },
      };
      item[method] = {
        ...(spec.operationId !== undefined && { operationId: spec.operationId }),
        ...(spec.summary !== undefined && { summary: spec.summary }),
        ...(spec.description !== undefined && { description: spec.description }),
        ...(spec.tags && spec.tags.length > 0 && { tags: spec.tags }),
        ...(spec.body && { requestBody: { required: true, content: { 'application/json': { schema: schemas.forType(spec.body) } } } }),
        responses,
      } as OpenApiOperation;
    }
    out[key] = item;
  }
  return out;
}

/** `extra` merged into `target`: objects key by key, anything else replaced. */
function deepMerge(target: Record<string, unknown>, extra: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(extra)) {
    const current = target[key];
    if (isObject(current) && isObject(value)) deepMerge(current, value);
    else target[key] = value;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

function successResponse(status: number, options: HttpRouteOptions, schemas: SchemaRegistry): OpenApiResponse {
  const response: OpenApiResponse = { description: options.responseDescription ?? 'Successful Response' };
  if (NO_CONTENT.has(status)) return response;
  if (options.responseModel) response.content = { 'application/json': { schema: schemas.forType(options.responseModel, 'output') } };
  else if (options.contentType) response.content = { [options.contentType.split(';')[0].trim()]: { schema: { type: 'string' } } };
  else response.content = { 'application/json': { schema: {} } };
  return response;
}

/** A `responses` entry merged into what the operation already documents for that code. */
function additionalResponse(current: OpenApiResponse | undefined, code: string, extra: AdditionalResponse, schemas: SchemaRegistry): OpenApiResponse {
  const response: OpenApiResponse = current ?? { description: STATUS_CODES[Number(code)] ?? 'Additional Response' };
  if (extra.description !== undefined) response.description = extra.description;
  if (extra.model) {
    response.content ??= {};
    response.content['application/json'] = { ...response.content['application/json'], schema: schemas.forType(extra.model, 'output') };
  }
  if (extra.content) {
    response.content ??= {};
    deepMerge(response.content as Record<string, unknown>, jsonValue(extra.content) as Record<string, unknown>);
  }
  return response;
}

function validationResponse(schemas: SchemaRegistry): OpenApiResponse {
  return { description: 'Validation Error', content: { 'application/json': { schema: schemas.validationError() } } };
}

function websocketOperation(route: RouteDefinition, operationId: string, schemas: SchemaRegistry, security: SecurityRegistry, graph: DependencyGraph): OpenApiOperation {
  const options = route.options as WebSocketOptions;
  const params = requestParams(route, graph);
  const operation = baseOperation(route, operationId, params, schemas);
  operation.responses['101'] = { description: 'Switching Protocols: the WebSocket connection is open' };
  if (options.requireSubprotocol) operation.responses['400'] = { description: 'No subprotocol agreed on' };
  secure(operation, route, security, graph);
  if (options.allowedOrigins && options.allowedOrigins.length > 0) operation.responses['403'] = { description: 'Origin not allowed' };
  if (params.length > 0) operation.responses['422'] = validationResponse(schemas);
  operation.responses['426'] = { description: 'Upgrade Required: a plain HTTP request reached a WebSocket route' };
  operation['x-websocket'] = websocketExtension(options);
  return operation;
}

/** The operation's `security` and the refusals its schemes answer. */
function secure(operation: OpenApiOperation, route: RouteDefinition, security: SecurityRegistry, graph: DependencyGraph): void {
  const uses = routeSecurity(route, graph);
  const requirements = security.requirements(uses);
  if (!requirements) return;
  operation.security = requirements;
  operation.responses['401'] = { description: 'Not authenticated: credentials missing or refused' };
  if (uses.some((use) => use.scopes.length > 0)) operation.responses['403'] = { description: 'Not enough permissions: a required scope was not granted' };
}

/** A WebSocket route's effective configuration, defaults filled in. */
export function websocketExtension(options: WebSocketOptions): WebSocketExtension {
  return {
    ...resolveSocketLimits(options),
    subprotocols: options.subprotocols ?? [],
    requireSubprotocol: options.requireSubprotocol ?? false,
    allowedOrigins: options.allowedOrigins ?? [],
  };
}

function parametersOf(route: RouteDefinition, params: RequestParam[], schemas: SchemaRegistry): OpenApiParameter[] {
  const out: OpenApiParameter[] = [];
  for (const spec of params) {
    if (spec.source !== 'path' && spec.source !== 'query' && spec.source !== 'header' && spec.source !== 'cookie') continue;
    if (spec.name === undefined && spec.source !== 'path') {
      out.push(...modelParameters(spec, spec.source, schemas));
      continue;
    }
    if (spec.options.includeInSchema === false && spec.source !== 'path') continue;
    const plan = planParam(spec);
    const { title, description, deprecated, example, examples, openapiExamples } = spec.options;
    out.push({
      name: spec.name!,
      in: spec.source,
      required: spec.source === 'path' || plan.required,
      schema: annotated(scalarSchema(plan), { title, examples }),
      ...(description !== undefined && { description }),
      ...(deprecated && { deprecated: true }),
      // As FastAPI: named examples win over a single one.
      ...(openapiExamples !== undefined
        ? { examples: jsonValue(openapiExamples) as OpenApiParameter['examples'] }
        : example !== undefined && { example: jsonValue(example) }),
    });
  }
  // OpenAPI wants every templated segment declared, also those the handler does not read; they
  // come first, as FastAPI lists path parameters before those of the dependencies.
  const undeclared = parsePath(route.path).params.filter(({ name }) => !out.some((p) => p.in === 'path' && p.name === name));
  return [...undeclared.map(({ name }): OpenApiParameter => ({ name, in: 'path', required: true, schema: { type: 'string' } })), ...out];
}

/** A parameter model (`@Query() filters: FilterParams`) is documented as one parameter per field, as FastAPI does. */
function modelParameters(spec: RequestParam, source: 'query' | 'header' | 'cookie', schemas: SchemaRegistry): OpenApiParameter[] {
  const cls = (spec.options.type ?? spec.type) as Function;
  if (typeof cls !== 'function') return [];
  const { properties, required } = schemas.propertiesOf(cls);
  // A field the class initialises (`limit = 100`) takes that value when the key is absent.
  const defaults = modelDefaults(cls);
  return modelFields(cls, source, spec.options).map((field) => {
    const schema = properties[field.property] ?? scalarSchema(field.plan);
    const hasDefault = defaults.has(field.property);
    return {
      name: field.key,
      in: source,
      required: required.includes(field.property) && !hasDefault,
      schema: hasDefault ? { ...schema, default: jsonValue(defaults.get(field.property)) } : schema,
    };
  });
}

function requestBody(params: RequestParam[], schemas: SchemaRegistry): OpenApiRequestBody | undefined {
  const bodies = params.filter((p) => p.source === 'body');
  const fields = params.filter((p) => p.source === 'form' || p.source === 'file');
  if (bodies.length > 0) return jsonBody(bodies, schemas);
  if (fields.length === 0) return undefined;
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const field of fields) {
    if (field.source === 'form' && field.name === undefined) {
      const { properties: own, required: needed } = schemas.propertiesOf((field.options.type ?? field.type) as Function);
      Object.assign(properties, own);
      required.push(...needed);
      continue;
    }
    const plan = planParam(field);
    const file: JsonSchema = { type: 'string', format: 'binary' };
    const schema: JsonSchema = field.source === 'form' ? scalarSchema(plan) : field.options.multiple ? { type: 'array', items: file } : file;
    if (field.options.description !== undefined) schema.description = field.options.description;
    properties[field.name!] = annotated(schema, { title: field.options.title, examples: field.options.examples });
    if (field.source === 'form' ? plan.required : field.options.required !== false) required.push(field.name!);
  }
  const mediaType = fields.some((f) => f.source === 'file') ? 'multipart/form-data' : 'application/x-www-form-urlencoded';
  const schema: JsonSchema = { type: 'object', properties, ...(required.length > 0 && { required }) };
  return { required: required.length > 0, content: { [mediaType]: { schema } } };
}

// `@Body()` takes the whole JSON body; `@Body('key')` parameters each take one key of it.
function jsonBody(bodies: RequestParam[], schemas: SchemaRegistry): OpenApiRequestBody {
  const whole = bodies.find((b) => b.name === undefined);
  if (whole) {
    const { openapiExamples } = whole.options;
    const media: OpenApiMediaType = { schema: annotated(schemas.forType(whole.options.type ?? whole.type), whole.options) };
    if (openapiExamples !== undefined) media.examples = jsonValue(openapiExamples) as OpenApiMediaType['examples'];
    return {
      required: whole.options.required !== false && whole.sourceDefault === undefined,
      content: { 'application/json': media },
      ...(whole.options.description !== undefined && { description: whole.options.description }),
    };
  }
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const body of bodies) {
    // Kept as the same object: a class's `$ref` is renamed in place once the document knows its views.
    const schema = annotated(hasConstraints(body.options) ? scalarSchema(planParam(body)) : schemas.forType(body.options.type ?? body.type), body.options);
    if (body.options.description !== undefined) schema.description = body.options.description;
    properties[body.name!] = schema;
    if (body.options.required !== false && body.sourceDefault === undefined) required.push(body.name!);
  }
  const schema: JsonSchema = { type: 'object', properties, ...(required.length > 0 && { required }) };
  return { required: required.length > 0, content: { 'application/json': { schema } } };
}

/** The `title`, `examples` and `deprecated` options of a parameter or body, written into its schema as pydantic does. */
function annotated(schema: JsonSchema, options: { title?: string; examples?: unknown[]; deprecated?: boolean }): JsonSchema {
  if (options.title !== undefined) schema.title = options.title;
  if (options.examples && options.examples.length > 0) schema.examples = options.examples.map(jsonValue);
  if (options.deprecated) schema.deprecated = true;
  return schema;
}
