/** One templated part of a route path. */
export interface PathParam {
  name: string;
  /** `*name` (or FastAPI's `{name:path}`): the rest of the path, slashes included. */
  catchAll: boolean;
}

/** A route path read once: its parameters and its spellings for the router and for OpenAPI. */
export interface PathTemplate {
  /** Our spelling: `/items/:id`, `/files/*path` (FastAPI's `{id}` and `{path:path}` become these). */
  path: string;
  params: PathParam[];
  /** find-my-way's spelling: the catch-all is a bare `*`. */
  routerPath: string;
  /** OpenAPI's spelling: `/items/{id}`, regex constraints dropped. */
  openApiPath: string;
  /** The catch-all parameter's name, if the path ends with one. */
  catchAll?: string;
}

/** A path that cannot be parsed; the message says what is wrong. */
export class PathSyntaxError extends Error {
  readonly code = 'PATH_SYNTAX';
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/**
 * Parses a route path, the one reader of path syntax (as Starlette's `compile_path`):
 * `:name`, `:name(regex)`, `{name}`, a trailing catch-all `*name` or `{name:path}`.
 * A parameter runs to the end of its segment. `routerSpelling` also reads the router's bare `*`.
 */
export function parsePath(source: string, options: { routerSpelling?: boolean } = {}): PathTemplate {
  let path = '';
  let routerPath = '';
  let openApiPath = '';
  const params: PathParam[] = [];
  let i = 0;

  const readName = (from: number, what: string): string => {
    const name = NAME.exec(source.slice(from))?.[0];
    if (!name) throw new PathSyntaxError(`a '${what}' must start a parameter name`);
    return name;
  };
  const endOfSegment = (at: number, what: string): void => {
    if (at < source.length && source[at] !== '/') throw new PathSyntaxError(`${what} must end its path segment`);
  };
  const add = (name: string, catchAll: boolean): void => {
    if (params.some((p) => p.name === name)) throw new PathSyntaxError(`parameter "${name}" appears twice`);
    params.push({ name, catchAll });
  };

  while (i < source.length) {
    const c = source[i];
    if (c === ':') {
      const name = readName(i + 1, ':');
      let end = i + 1 + name.length;
      if (source[end] === '(') end = closingParen(source, end) + 1;
      endOfSegment(end, `parameter "${name}"`);
      add(name, false);
      path += source.slice(i, end);
      routerPath += source.slice(i, end);
      openApiPath += `{${name}}`;
      i = end;
    } else if (c === '{') {
      const close = source.indexOf('}', i);
      if (close === -1) throw new PathSyntaxError("a '{' is never closed");
      const [name, convertor, ...rest] = source.slice(i + 1, close).split(':');
      if (!NAME.test(name) || NAME.exec(name)![0] !== name || rest.length > 0) throw new PathSyntaxError(`"{${source.slice(i + 1, close)}}" is not a parameter`);
      if (convertor !== undefined && convertor !== 'path' && convertor !== 'str') {
        throw new PathSyntaxError(`the convertor "${convertor}" is not supported: declare the parameter's type on the handler instead`);
      }
      const catchAll = convertor === 'path';
      endOfSegment(close + 1, `parameter "${name}"`);
      if (catchAll && close + 1 !== source.length) throw new PathSyntaxError(`the catch-all "{${name}:path}" must end the path`);
      add(name, catchAll);
      path += catchAll ? `*${name}` : `:${name}`;
      routerPath += catchAll ? '*' : `:${name}`;
      openApiPath += `{${name}}`;
      i = close + 1;
    } else if (c === '*') {
      // The router's spelling of a catch-all is a bare `*`, reported under that key.
      const name = options.routerSpelling && i + 1 === source.length ? '*' : readName(i + 1, '*');
      if (source[i - 1] !== '/') throw new PathSyntaxError(`the catch-all "*${name}" must start a path segment`);
      const end = name === '*' ? i + 1 : i + 1 + name.length;
      if (end !== source.length) throw new PathSyntaxError(`the catch-all "*${name}" must end the path`);
      add(name, true);
      path += name === '*' ? '*' : `*${name}`;
      routerPath += '*';
      openApiPath += `{${name}}`;
      i = source.length;
    } else {
      if (/[\s?#}]/.test(c)) throw new PathSyntaxError(`'${c === ' ' ? 'space' : c}' is not allowed here`);
      path += c;
      routerPath += c;
      openApiPath += c;
      i++;
    }
  }
  const last = params[params.length - 1];
  return { path, params, routerPath, openApiPath, ...(last?.catchAll && { catchAll: last.name }) };
}

/** The index of the `)` closing the regex that opens at `open`, honouring escapes and nesting. */
function closingParen(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  throw new PathSyntaxError("a parameter's '(' is never closed");
}

/**
 * A concrete path for a template: each parameter's value percent-encoded (a catch-all's
 * slashes kept). A missing value is an error naming it.
 */
export function fillPath(template: PathTemplate, values: Record<string, unknown>, routeName: string): string {
  let out = template.openApiPath;
  for (const { name, catchAll } of template.params) {
    const value = values[name];
    if (value === undefined || value === null) throw new Error(`urlFor("${routeName}"): the path parameter "${name}" is missing`);
    const text = String(value);
    const encoded = catchAll ? text.split('/').map(encodeURIComponent).join('/') : encodeURIComponent(text);
    out = out.replace(`{${name}}`, () => encoded);
  }
  return out;
}
