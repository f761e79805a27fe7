import type Handlebars from 'handlebars';
import { ConventionRenderError } from './ConventionRenderError.js';
import { parseErrorPosition } from './parseErrorPosition.js';

/** One template file compiled once: the definition's convention.hbs, a shared partial or a generic template. */
export interface CompiledTemplate {
  /** The file as shown to people (`definitions/x/convention.hbs`, `templates/partials/purpose.hbs`). */
  file: string;
  source: string;
  ast: hbs.AST.Program;
  run: Handlebars.TemplateDelegate;
}

/**
 * Parse and compile a template in strict mode. A syntax error, or a `{{{…}}}` that would skip HTML escaping,
 * is thrown at once as a ConventionRenderError at its line, rather than at the first render (Handlebars
 * compiles lazily).
 */
export function compileTemplate(handlebars: typeof Handlebars, file: string, source: string): CompiledTemplate {
  let ast: hbs.AST.Program;
  try {
    ast = handlebars.parse(source);
  } catch (error) {
    const position = parseErrorPosition((error as Error).message) ?? {};
    throw new ConventionRenderError({ kind: 'failure', file, ...position, cause: error });
  }
  const raw = unescapedOutput(ast);
  if (raw) {
    const cause = new Error(`{{{${raw.original}}}} outputs its value without HTML escaping; write {{${raw.original}}}`);
    throw new ConventionRenderError({ kind: 'failure', file, line: raw.line, column: raw.column, cause });
  }
  return { file, source, ast, run: handlebars.compile(ast, { strict: true, preventIndent: true }) };
}

/**
 * A render error as a ConventionRenderError of `template`: Handlebars' strict "not defined" becomes a missing
 * value named as the template writes it (`data.legal.cadre_juridique_url`), found in the template's syntax
 * tree at the position Handlebars reports.
 */
export function asRenderError(error: unknown, template: CompiledTemplate): ConventionRenderError {
  if (error instanceof ConventionRenderError) return error;
  const located = error as { lineNumber?: unknown; column?: unknown; message?: unknown };
  const line = typeof located.lineNumber === 'number' ? located.lineNumber : undefined;
  const column = typeof located.column === 'number' ? located.column + 1 : undefined;
  const position = line ? { line, ...(column ? { column } : {}) } : {};
  const missing = typeof located.message === 'string' ? /^"([^"]+)" not defined in /.exec(located.message) : null;
  if (missing && line && column) {
    const variable = pathAt(template.ast, line, column - 1) ?? missing[1]!;
    return new ConventionRenderError({ kind: 'missing_value', file: template.file, ...position, variable, cause: error });
  }
  return new ConventionRenderError({ kind: 'failure', file: template.file, ...position, cause: error });
}

/** The first `{{{…}}}` or `{{&…}}` of a template, 1-based: conventions escape every value, so none is allowed. */
export function unescapedOutput(ast: hbs.AST.Program): { original: string; line: number; column: number } | undefined {
  let found: { original: string; line: number; column: number } | undefined;
  walk(ast, (node) => {
    const m = node as Partial<hbs.AST.MustacheStatement>;
    if (!found && m.type === 'MustacheStatement' && m.escaped === false && m.loc) {
      const original = (m.path as Partial<hbs.AST.PathExpression> | undefined)?.original ?? '…';
      found = { original, line: m.loc.start.line, column: m.loc.start.column + 1 };
    }
  });
  return found;
}

/** The path expression that starts at this line and 0-based column, as written. */
function pathAt(ast: hbs.AST.Program, line: number, column: number): string | undefined {
  let found: string | undefined;
  walk(ast, (node) => {
    const n = node as { type?: unknown; loc?: hbs.AST.SourceLocation; original?: unknown };
    if (!found && n.type === 'PathExpression' && n.loc?.start.line === line && n.loc.start.column === column && typeof n.original === 'string') found = n.original;
  });
  return found;
}

/** Every node of a syntax tree, depth first. */
function walk(node: unknown, visit: (node: object) => void): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach((n) => walk(n, visit));
  visit(node);
  for (const [key, value] of Object.entries(node)) if (key !== 'loc') walk(value, visit);
}
