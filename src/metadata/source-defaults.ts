import { createRequire } from 'node:module';
import type * as Acorn from 'acorn';
import type { SourceDefault } from './records.js';

// Loaded with the first handler that is read, at bootstrap; requests never parse anything.
let acornModule: typeof Acorn | undefined;
const acorn = (): typeof Acorn => (acornModule ??= createRequire(import.meta.url)('acorn') as typeof Acorn);

const cache = new WeakMap<Function, (SourceDefault | undefined)[]>();
const NOT_AN_ARROW_EQUALS = /=(?!>)/;

/**
 * The JavaScript defaults of a function's parameters, by position (`limit = 10` → a literal
 * 10; `since = new Date()` → an expression), read from its source with a real parser. For a
 * class, its constructor's. Compiled TypeScript keeps the defaults in place, types erased.
 */
export function sourceDefaults(fn: Function): (SourceDefault | undefined)[] {
  let found = cache.get(fn);
  if (!found) {
    found = readDefaults(fn);
    cache.set(fn, found);
  }
  return found;
}

function readDefaults(fn: Function): (SourceDefault | undefined)[] {
  let source: string;
  try {
    source = Function.prototype.toString.call(fn);
  } catch {
    return [];
  }
  if (source.endsWith('{ [native code] }')) return [];
  // A default needs an `=` that is not an arrow's: most handlers have none, and parsing a
  // thousand of them was a tenth of a large app's startup.
  if (!NOT_AN_ARROW_EQUALS.test(source)) return [];
  const parsed = paramsOf(source);
  if (!parsed) return [];
  return parsed.params.map((param) => {
    if (param.type !== 'AssignmentPattern') return undefined;
    const right = param.right;
    const value = literalValue(right);
    return value === NOT_LITERAL ? { literal: false, text: parsed.text.slice(right.start, right.end) } : { literal: true, value };
  });
}

/**
 * A function's source comes in three shapes: a function or arrow (an expression as it
 * stands), a method (`name(a = 1) {…}`, only valid inside a class body), or a whole class,
 * whose constructor's parameters are wanted.
 */
function paramsOf(source: string): { params: Acorn.Pattern[]; text: string } | undefined {
  const options: Acorn.Options = { ecmaVersion: 'latest', sourceType: 'module' };
  for (const [text, isMethod] of [[`(${source})`, false], [`(class { ${source} })`, true]] as const) {
    let program: Acorn.Program;
    try {
      program = acorn().parse(text, options);
    } catch {
      continue;
    }
    const statement = program.body[0];
    if (statement?.type !== 'ExpressionStatement') continue;
    const expression = statement.expression;
    if (expression.type === 'FunctionExpression' || expression.type === 'ArrowFunctionExpression') return { params: expression.params, text };
    if (expression.type !== 'ClassExpression') continue;
    const method = expression.body.body.find(
      (m): m is Acorn.MethodDefinition => m.type === 'MethodDefinition' && (isMethod || m.kind === 'constructor'),
    );
    return { params: method?.value.params ?? [], text };
  }
  return undefined;
}

const NOT_LITERAL = Symbol('not a literal');

/** The value of a literal default: numbers, strings, booleans, null, and arrays and plain objects of them. */
function literalValue(node: Acorn.Node): unknown {
  const n = node as Acorn.Expression;
  switch (n.type) {
    case 'Literal':
      return 'regex' in n || typeof n.value === 'bigint' ? NOT_LITERAL : n.value;
    case 'TemplateLiteral':
      return n.expressions.length === 0 ? n.quasis[0].value.cooked : NOT_LITERAL;
    case 'UnaryExpression': {
      if (n.operator !== '-' && n.operator !== '+') return NOT_LITERAL;
      const inner = literalValue(n.argument);
      return typeof inner === 'number' ? (n.operator === '-' ? -inner : inner) : NOT_LITERAL;
    }
    case 'Identifier':
      return n.name === 'undefined' ? undefined : NOT_LITERAL;
    case 'ArrayExpression': {
      const out: unknown[] = [];
      for (const element of n.elements) {
        if (!element || element.type === 'SpreadElement') return NOT_LITERAL;
        const value = literalValue(element);
        if (value === NOT_LITERAL) return NOT_LITERAL;
        out.push(value);
      }
      return out;
    }
    case 'ObjectExpression': {
      const out: Record<string, unknown> = {};
      for (const property of n.properties) {
        if (property.type !== 'Property' || property.computed || property.kind !== 'init' || property.method) return NOT_LITERAL;
        const key = property.key.type === 'Identifier' ? property.key.name : property.key.type === 'Literal' ? String(property.key.value) : undefined;
        const value = literalValue(property.value);
        if (key === undefined || value === NOT_LITERAL) return NOT_LITERAL;
        out[key] = value;
      }
      return out;
    }
    default:
      return NOT_LITERAL;
  }
}
