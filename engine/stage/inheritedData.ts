import type { Definition } from '../model/Definition.js';

/**
 * The part of a production request's data that comes from its approved sandbox: the inherited steps,
 * copied from the sandbox's data. The server builds the production request from it and applies it again
 * on every save, so the carried-over steps stay exactly what the provider approved in the sandbox.
 */
export function inheritedData(definition: Pick<Definition, 'steps'>, previousData: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const step of definition.steps) {
    if (step.inherited && step.id in previousData) out[step.id] = structuredClone(previousData[step.id]);
  }
  return out;
}
