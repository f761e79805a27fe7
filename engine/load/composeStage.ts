import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Issue } from '../issues/Issue.js';
import { fileIssue } from '../issues/makeIssue.js';
import type { Definition, Step } from '../model/Definition.js';
import type { JsonSchema } from '../schema/JsonSchema.js';
import type { SourceFile } from '../source/SourceFile.js';

/** Root keys that describe the document rather than a rule on the data. */
const NOT_RULES = new Set(['$schema', '$id', '$comment', 'type', 'title', 'description', 'properties', 'required', 'definitions']);

/**
 * A production stage (definition.yaml `stage: { kind: production, previous: <sandbox> }`) carries the
 * sandbox's data over: its form is the sandbox's steps, then its own. This finds the sandbox, loaded
 * by `load` (shallow, without composing stages again, so two productions naming each other cannot loop).
 */
export function previousStage(
  metaFile: SourceFile,
  previousId: string,
  root: string,
  load: (folder: string) => { definition?: Definition; issues: Issue[] },
): { previous?: Definition; issues: Issue[] } {
  const folder = join(root, previousId);
  if (!existsSync(join(folder, 'definition.yaml'))) {
    return { issues: [fileIssue(metaFile, 'STAGE_UNKNOWN', '/stage/previous', `stage.previous is "${previousId}" but no definition "${previousId}" exists`, 'Name the sandbox folder this production stage follows.')] };
  }
  const loaded = load(folder);
  if (!loaded.definition || loaded.issues.length) {
    return {
      issues: [fileIssue(metaFile, 'STAGE_PREVIOUS_INVALID', '/stage/previous', `The previous stage "${previousId}" has ${loaded.issues.length} issue(s), so this production stage cannot be built on it`, `Fix it first: npx datapass check ${folder}`)],
    };
  }
  const stage = loaded.definition.meta.stage;
  if (stage?.kind !== 'sandbox') {
    return { issues: [fileIssue(metaFile, 'STAGE_UNKNOWN', '/stage/previous', `stage.previous is "${previousId}", which is not a sandbox stage`, `Give ${previousId}/definition.yaml \`stage: { kind: sandbox, next: <this production stage> }\`.`)] };
  }
  return { previous: loaded.definition, issues: [] };
}

/**
 * The production stage's schema: the sandbox's steps first, in their order, then its own; the rules of
 * both roots kept (the sandbox's under `allOf`); shared fragments merged. A step (or a local definition)
 * that both stages declare differently is an issue at the production's schema.json.
 */
export function composeStageSchema(previous: Definition, own: JsonSchema, ownFile: SourceFile): { schema: JsonSchema; steps: (prior: Step[]) => Step[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const parent = previous.schema;
  for (const id of Object.keys(own.properties ?? {})) {
    if (parent.properties?.[id]) {
      issues.push(fileIssue(ownFile, 'STAGE_CLASH', `/properties/${id}`, `Step "${id}" is already a step of the previous stage "${previous.id}", whose data this production stage carries over`, 'Declare only the steps the production stage adds; the previous stage\'s steps come with it.', { key: true }));
    }
  }
  const definitions: Record<string, JsonSchema> = { ...(parent.definitions as Record<string, JsonSchema> | undefined) };
  for (const [key, value] of Object.entries((own.definitions ?? {}) as Record<string, JsonSchema>)) {
    if (key in definitions && JSON.stringify(definitions[key]) !== JSON.stringify(value)) {
      issues.push(fileIssue(ownFile, 'STAGE_CLASH', `/definitions/${key}`, `Definition "${key}" differs from the one of the previous stage "${previous.id}"`, 'Rename it: both stages\' schemas are merged into one.', { key: true }));
    }
    definitions[key] = value;
  }
  const parentRules = Object.fromEntries(Object.entries(parent).filter(([k]) => !NOT_RULES.has(k)));
  const ownAllOf = Array.isArray(own.allOf) ? own.allOf : [];
  const schema: JsonSchema = {
    ...own,
    type: 'object',
    properties: { ...parent.properties, ...own.properties },
    required: [...new Set([...(parent.required ?? []), ...(own.required ?? [])])],
    ...(Object.keys(definitions).length ? { definitions } : {}),
    ...(Object.keys(parentRules).length || ownAllOf.length ? { allOf: [...(Object.keys(parentRules).length ? [parentRules] : []), ...ownAllOf] } : {}),
  };
  return {
    schema,
    steps: (ownSteps) => [...previous.steps.map((s) => ({ ...s, inherited: true as const })), ...ownSteps],
    issues,
  };
}

/** The production stage's uiSchema: the sandbox's, with the production's own keys on top. */
export function composeStageUi(previous: Definition, own: Record<string, unknown>): Record<string, unknown> {
  return { ...previous.uiSchema, ...own };
}
