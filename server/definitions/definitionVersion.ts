import { createHash } from 'node:crypto';
import type { Definition } from '../../engine/index.js';

const versions = new WeakMap<Definition, string>();

/**
 * A short hash of what a definition says (meta, schema, workflow): stored with each request, so the version
 * a request was made under is known after the definition changes.
 */
export function definitionVersion(definition: Definition): string {
  let version = versions.get(definition);
  if (!version) {
    const text = JSON.stringify({ meta: definition.meta, schema: definition.schema, workflow: definition.workflow });
    version = createHash('sha256').update(text).digest('hex').slice(0, 16);
    versions.set(definition, version);
  }
  return version;
}
