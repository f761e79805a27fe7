import Handlebars from 'handlebars';
import type { Issue } from '../issues/Issue.js';
import { fileIssue } from '../issues/makeIssue.js';
import { suggestion } from '../issues/didYouMean.js';
import type { JsonSchema } from '../schema/JsonSchema.js';
import { itemSchemas, knownProperties, propertySchemas, subschemasAt } from '../schema/subschemasAt.js';
import { createSourceFile, type SourceFile } from '../source/SourceFile.js';
import { CONVENTION_CONTEXT, type ContextShape } from '../convention/conventionContext.js';
import { parseErrorPosition } from '../convention/parseErrorPosition.js';
import { BUILT_IN_HELPERS, CONVENTION_HELPERS } from '../convention/helpers.js';

// `hbs` is the global namespace of the handlebars typings.
type AST = hbs.AST.Program;
type Node = hbs.AST.Node;

/** What a template expression stands on: the root, schema subschemas, a context shape, or nothing checkable. */
type Scope =
  | { kind: 'root' }
  | { kind: 'schema'; schemas: JsonSchema[] }
  | { kind: 'shape'; shape: ContextShape }
  | { kind: 'unknown' };

/**
 * Check convention.hbs: it compiles, and every variable it reads exists, in the schema (`data.…`) or in
 * the convention context, following the scope that #each and #with open; helpers and partials are known.
 */
export function checkConvention(path: string, source: string, schema: JsonSchema, partials: Set<string>): Issue[] {
  const file = createSourceFile(path, source, undefined);
  let ast: AST;
  try {
    ast = Handlebars.parse(source);
  } catch (error) {
    const message = (error as Error).message;
    const at = parseErrorPosition(message);
    const position = { line: at?.line ?? 1, column: at?.column ?? 1 };
    const what = message.split('\n').filter(Boolean).pop()!.replace(/ - \d+:\d+$/, '');
    return [fileIssue(file, 'CONVENTION_SYNTAX', '', `Handlebars syntax error: ${what}`, 'Fix the template at that line.', { position })];
  }
  const issues: Issue[] = [];
  const helpers = new Set<string>([...BUILT_IN_HELPERS, ...Object.keys(CONVENTION_HELPERS)]);
  const at = (node: Node) => ({ line: node.loc?.start.line ?? 1, column: (node.loc?.start.column ?? 0) + 1 });

  const resolve = (expr: hbs.AST.PathExpression, stack: Scope[], report = true) => {
    if (expr.data) {
      if (!expr.original.startsWith('@root')) return;
    }
    const parts = [...expr.parts];
    let scope: Scope | undefined = expr.original.startsWith('@root') ? { kind: 'root' } : stack[stack.length - 1 - expr.depth];
    if (!scope) return;
    const walked: string[] = [];
    for (const part of parts) {
      walked.push(part);
      const next = step(scope, part, schema);
      if (!next) {
        if (!report) return;
        const known = keysOf(scope, schema);
        issues.push(fileIssue(file, 'CONVENTION_UNKNOWN_VARIABLE', '/' + walked.join('/'), `Unknown variable "${expr.original}" in the convention`, suggestion(part, known, scope.kind === 'root' ? 'Available' : 'Known keys there'), { position: at(expr) }));
        return;
      }
      scope = next;
    }
    return scope;
  };

  const visitExpr = (expr: hbs.AST.Expression, stack: Scope[]) => {
    if (expr.type === 'PathExpression') resolve(expr as hbs.AST.PathExpression, stack);
    else if (expr.type === 'SubExpression') visitCall(expr as hbs.AST.SubExpression, stack, true);
  };

  const visitCall = (node: { path: hbs.AST.PathExpression | hbs.AST.Expression; params: hbs.AST.Expression[]; hash?: hbs.AST.Hash }, stack: Scope[], isHelper: boolean) => {
    const path = node.path as hbs.AST.PathExpression;
    const name = path.original;
    if (isHelper) {
      if (path.type === 'PathExpression' && !helpers.has(name)) {
        issues.push(fileIssue(file, 'CONVENTION_UNKNOWN_HELPER', '', `Unknown helper "${name}" in the convention`, suggestion(name, helpers, 'Helpers'), { position: at(path) }));
      }
      const field = node.params[0];
      if (name === 'option_labels' && field?.type === 'StringLiteral') {
        const dotted = (field as hbs.AST.StringLiteral).value;
        if (!subschemasAt(schema, dotted.split('.')).length) {
          issues.push(fileIssue(file, 'CONVENTION_UNKNOWN_VARIABLE', '/' + dotted.split('.').join('/'), `option_labels names "${dotted}", which is not a field of the schema`, 'Give the field\'s path in the data, steps and fields joined by dots: "modalities.modalities".', { position: at(field) }));
        }
      }
    } else visitExpr(path, stack);
    node.params.forEach((p) => visitExpr(p, stack));
    node.hash?.pairs.forEach((p: hbs.AST.HashPair) => visitExpr(p.value, stack));
  };

  const visit = (program: AST | undefined, stack: Scope[]) => {
    for (const statement of program?.body ?? []) {
      switch (statement.type) {
        case 'MustacheStatement': {
          const m = statement as hbs.AST.MustacheStatement;
          if (m.escaped === false) {
            const text = (m.path as hbs.AST.PathExpression).original;
            issues.push(fileIssue(file, 'CONVENTION_UNESCAPED', '', `{{{${text}}}} outputs a value without HTML escaping`, `Write {{${text}}}: every value of a convention is escaped.`, { position: at(m) }));
          }
          const name = (m.path as hbs.AST.PathExpression).original;
          const isHelper = m.params.length > 0 || !!m.hash?.pairs.length || (helpers.has(name) && m.path.type === 'PathExpression');
          visitCall(m, stack, isHelper);
          break;
        }
        case 'BlockStatement': {
          const b = statement as hbs.AST.BlockStatement;
          const name = (b.path as hbs.AST.PathExpression).original;
          visitCall(b, stack, true);
          let inner: Scope[] = stack;
          const param = b.params[0];
          // visitCall has already reported this parameter if it is unknown.
          const target = param?.type === 'PathExpression' ? resolve(param as hbs.AST.PathExpression, stack, false) : undefined;
          if (name === 'each' || name === 'list') inner = [...stack, target ? itemsOf(target, schema) : { kind: 'unknown' }];
          else if (name === 'with') inner = [...stack, target ?? { kind: 'unknown' }];
          visit(b.program, inner);
          visit(b.inverse, stack);
          break;
        }
        case 'PartialStatement':
        case 'PartialBlockStatement': {
          const p = statement as hbs.AST.PartialStatement;
          const name = (p.name as hbs.AST.PathExpression).original;
          if (p.name.type === 'PathExpression' && !partials.has(name)) {
            issues.push(fileIssue(file, 'CONVENTION_UNKNOWN_HELPER', '', `Unknown partial "${name}" in the convention`, suggestion(name, partials, 'Partials in templates/partials'), { position: at(p) }));
          }
          p.params.forEach((x: hbs.AST.Expression) => visitExpr(x, stack));
          p.hash?.pairs.forEach((x: hbs.AST.HashPair) => visitExpr(x.value, stack));
          if (statement.type === 'PartialBlockStatement') visit((statement as hbs.AST.PartialBlockStatement).program, stack);
          break;
        }
      }
    }
  };
  visit(ast, [{ kind: 'root' }]);
  return issues;
}

function step(scope: Scope, part: string, root: JsonSchema): Scope | undefined {
  switch (scope.kind) {
    case 'root':
      if (part === 'data') return { kind: 'schema', schemas: [root] };
      return part in CONVENTION_CONTEXT ? { kind: 'shape', shape: CONVENTION_CONTEXT[part]! } : undefined;
    case 'schema': {
      if (/^\d+$/.test(part) || part === 'length') return { kind: 'unknown' };
      const next = scope.schemas.flatMap((s) => propertySchemas(root, s, part));
      if (next.length) return { kind: 'schema', schemas: next };
      // A schema that declares no properties (free object, string) cannot be checked deeper.
      return scope.schemas.some((s) => s.type === 'object' || s.properties) ? undefined : { kind: 'unknown' };
    }
    case 'shape':
      if (Array.isArray(scope.shape)) return part === 'length' || /^\d+$/.test(part) ? { kind: 'unknown' } : undefined;
      if (scope.shape === 'value') return undefined;
      return part in scope.shape ? { kind: 'shape', shape: scope.shape[part]! } : undefined;
    case 'unknown':
      return scope;
  }
}

function itemsOf(scope: Scope, root: JsonSchema): Scope {
  if (scope.kind === 'schema') {
    const items = scope.schemas.flatMap((s) => itemSchemas(root, s));
    return items.length ? { kind: 'schema', schemas: items } : { kind: 'unknown' };
  }
  if (scope.kind === 'shape' && Array.isArray(scope.shape)) return { kind: 'shape', shape: scope.shape[0] };
  return { kind: 'unknown' };
}

function keysOf(scope: Scope, root: JsonSchema): string[] {
  if (scope.kind === 'root') return ['data', ...Object.keys(CONVENTION_CONTEXT)];
  if (scope.kind === 'schema') return [...new Set(scope.schemas.flatMap((s) => [...knownProperties(root, s)]))];
  if (scope.kind === 'shape' && typeof scope.shape === 'object' && !Array.isArray(scope.shape)) return Object.keys(scope.shape);
  return [];
}

export type { SourceFile };
