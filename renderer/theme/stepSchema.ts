import type { RJSFSchema } from '@rjsf/utils';

const cache = new WeakMap<object, Map<string, RJSFSchema>>();

/**
 * The schema of one step for rjsf: the step as the only property of the root, with the root's `definitions`
 * so that its `$ref`s resolve. The root's own rules (`allOf`, `if`…) are left to the server. The same object
 * is returned for the same root and step, so rjsf does not rebuild its schema utilities on every render.
 */
export function stepSchema(root: RJSFSchema, stepId: string): RJSFSchema {
  let byStep = cache.get(root);
  if (!byStep) cache.set(root, (byStep = new Map()));
  const cached = byStep.get(stepId);
  if (cached) return cached;
  const step = root.properties?.[stepId];
  if (step === undefined) {
    const known = Object.keys(root.properties ?? {}).join(', ');
    throw new Error(`stepSchema: the form has no step "${stepId}". Known steps: ${known}.`);
  }
  const schema: RJSFSchema = {
    type: 'object',
    ...(root.definitions ? { definitions: root.definitions } : {}),
    properties: { [stepId]: step },
  };
  byStep.set(stepId, schema);
  return schema;
}
