import { join } from 'node:path';
import { loadRegistry, type Definition } from '../../../../engine/index.js';

const root = join(import.meta.dirname, '..', '..', '..', '..', 'definitions');
let loaded: Map<string, Definition> | undefined;

/** Every definition of /definitions, loaded once for all the theme's tests (without compiling validators). */
export function definitions(): Map<string, Definition> {
  loaded ??= loadRegistry(root, { deep: false }).definitions;
  return loaded;
}

export function definition(id: string): Definition {
  const found = definitions().get(id);
  if (!found) throw new Error(`Definition "${id}" did not load.`);
  return found;
}
