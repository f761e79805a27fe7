import type { Issue } from '../issues/Issue.js';
import { fileIssue } from '../issues/makeIssue.js';
import { suggestion } from '../issues/didYouMean.js';
import type { DefinitionMeta } from '../model/DefinitionMeta.js';
import type { JsonSchema } from '../schema/JsonSchema.js';
import { walkSchema } from '../schema/walkSchema.js';
import type { SourceFile } from '../source/SourceFile.js';

/** Every declared scope value, in declaration order. */
export function scopeValues(meta: DefinitionMeta): string[] {
  return meta.scopes.flatMap((g) => g.items.map((s) => s.value));
}

/**
 * Scopes are declared once, in definition.yaml; the schema has the `scopes` step that holds them, and
 * every scope value named anywhere (use cases, rules of the schema on `scopes`) must be declared.
 */
export function checkScopes(metaFile: SourceFile, meta: DefinitionMeta, schemaFile: SourceFile, schema: JsonSchema): Issue[] {
  const issues: Issue[] = [];
  const declared = scopeValues(meta);
  const known = new Set(declared);
  const step = schema.properties?.scopes;
  if (declared.length && !step) {
    issues.push(fileIssue(schemaFile, 'SCOPES_WITHOUT_STEP', '/properties', 'definition.yaml declares scopes but schema.json has no "scopes" step', 'Add "scopes": { "type": "array", "title": "Données demandées", "items": { "type": "string" } } to the top-level properties.'));
  }
  if (!declared.length && step) {
    issues.push(fileIssue(schemaFile, 'SCOPES_WITHOUT_STEP', '/properties/scopes', 'schema.json has a "scopes" step but definition.yaml declares no scopes', 'Declare them under `scopes:` in definition.yaml, with their groups and labels.', { key: true }));
  }
  const unknown = (file: SourceFile, pointer: string, value: unknown) => {
    if (typeof value === 'string' && !known.has(value)) {
      issues.push(fileIssue(file, 'UNKNOWN_SCOPE', pointer, `Scope "${value}" is not declared in definition.yaml`, suggestion(value, declared, 'Declared scopes')));
    }
  };
  meta.use_cases.forEach((useCase, i) => {
    useCase.scopes?.forEach((s, j) => unknown(metaFile, `/use_cases/${i}/scopes/${j}`, s));
    const prefilled = useCase.prefill?.scopes;
    if (Array.isArray(prefilled)) {
      prefilled.forEach((s, j) => {
        unknown(metaFile, `/use_cases/${i}/prefill/scopes/${j}`, s);
        if (useCase.scopes && typeof s === 'string' && known.has(s) && !useCase.scopes.includes(s)) {
          issues.push(fileIssue(metaFile, 'UNKNOWN_SCOPE', `/use_cases/${i}/prefill/scopes/${j}`, `Scope "${s}" is prefilled but not offered by use case "${useCase.id}"`, `Add it to /use_cases/${i}/scopes or remove it from the prefill.`));
        }
      });
    }
  });
  // Rules written in schema.json about scopes (contains/const/enum under a `scopes` property).
  walkSchema(schemaFile.value, ({ node, pointer }) => {
    if (!/\/properties\/scopes(\/|$)/.test(pointer)) return;
    if ('const' in node) unknown(schemaFile, `${pointer}/const`, node.const);
    if (Array.isArray(node.enum)) node.enum.forEach((v, i) => unknown(schemaFile, `${pointer}/enum/${i}`, v));
  });
  return issues;
}
