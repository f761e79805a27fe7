import type { Issue } from '../issues/Issue.js';
import { fileIssue } from '../issues/makeIssue.js';
import { suggestion } from '../issues/didYouMean.js';
import type { JsonSchema } from '../schema/JsonSchema.js';
import { expandBranches } from '../schema/subschemasAt.js';
import { walkSchema } from '../schema/walkSchema.js';
import type { SourceFile } from '../source/SourceFile.js';
import type { Step } from '../model/Definition.js';
import type { SchemaVocabulary } from '../validate/schemaVocabulary.js';

/** Top-level data keys the engine owns: a step may not use them. */
export const RESERVED_STEPS = ['terms'] as const;


/**
 * Check one schema document as written (schema.json or a shared fragment): unknown keywords, unknown
 * formats, `required` names that are not properties.
 */
export function checkSchemaDocument(file: SourceFile, vocabulary: SchemaVocabulary): Issue[] {
  const issues: Issue[] = [];
  walkSchema(file.value, ({ node, pointer }) => {
    for (const key of Object.keys(node)) {
      if (!vocabulary.keywords.has(key) && !key.startsWith('x-')) {
        issues.push(fileIssue(file, 'UNKNOWN_KEYWORD', `${pointer}/${key}`, `Unknown schema keyword "${key}"`, suggestion(key, vocabulary.keywords, 'Known keywords') + ' Annotations of your own must start with "x-".', { key: true }));
      }
    }
    if (typeof node.format === 'string' && !vocabulary.isKnownFormat(node.format)) {
      issues.push(fileIssue(file, 'UNKNOWN_FORMAT', `${pointer}/format`, `Unknown format "${node.format}"`, suggestion(node.format, vocabulary.knownFormats(), 'Known formats')));
    }
    const props = node.properties && typeof node.properties === 'object' ? Object.keys(node.properties) : undefined;
    const inBranch = /\/(allOf|anyOf|oneOf|then|else|if|not|dependencies)\b/.test(pointer);
    if (Array.isArray(node.required) && props && !inBranch) {
      node.required.forEach((name, i) => {
        if (typeof name === 'string' && !props.includes(name)) {
          issues.push(fileIssue(file, 'REQUIRED_NOT_DECLARED', `${pointer}/required/${i}`, `"${name}" is required but is not a property here`, suggestion(name, props, 'Properties')));
        }
      });
    }
  });
  return issues;
}

/**
 * The steps of a bundled schema: its top-level properties in order, each an object schema with a title.
 * Reports what keeps the schema from being a form of steps.
 */
export function readSteps(file: SourceFile, schema: JsonSchema): { steps: Step[]; issues: Issue[] } {
  const issues: Issue[] = [];
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) {
    return { steps: [], issues: [fileIssue(file, 'SCHEMA_ROOT', '', 'schema.json must be a JSON object', 'Start from `datapass new`.')] };
  }
  if (schema.type !== 'object' || !schema.properties || typeof schema.properties !== 'object' || !Object.keys(schema.properties).length) {
    issues.push(fileIssue(file, 'SCHEMA_ROOT', '', 'schema.json must be "type": "object" with one property per step', 'Add "type": "object" and "properties": { "<step>": { "type": "object", "title": "…", … } }.'));
    return { steps: [], issues };
  }
  const steps: Step[] = [];
  for (const [id, step] of Object.entries(schema.properties)) {
    const pointer = `/properties/${id}`;
    if ((RESERVED_STEPS as readonly string[]).includes(id)) {
      issues.push(fileIssue(file, 'RESERVED_PROPERTY', pointer, `"${id}" is reserved by the engine`, 'Terms and attestations are declared in definition.yaml (links.cgu, attestations); rename this step.', { key: true }));
      continue;
    }
    const branches = step && typeof step === 'object' ? expandBranches(schema, step) : [];
    const isObject = branches.some((s) => s.type === 'object' || s.properties);
    const isScopes = id === 'scopes' && branches.some((s) => s.type === 'array');
    const title = branches.map((s) => s.title).find((t) => typeof t === 'string');
    if (!isObject && !isScopes) {
      issues.push(fileIssue(file, 'SCHEMA_ROOT', pointer, `Step "${id}" must be an object schema`, 'Each top-level property is a step of the form: give it "type": "object" and its fields under "properties" (only `scopes` may be an array).', { key: true }));
    } else if (typeof title !== 'string') {
      issues.push(fileIssue(file, 'SCHEMA_ROOT', pointer, `Step "${id}" has no title`, 'Add a "title": it is the step name applicants see.', { key: true }));
    }
    steps.push({ id, title: typeof title === 'string' ? title : id });
  }
  return { steps, issues };
}
