import { fileURLToPath } from 'node:url';
import { createConventionRenderer, type ConventionRenderer } from '../../engine/index.js';

/** The project's `templates/` folder: the shared layout, partials and the generic convention. */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates', import.meta.url));

let shared: ConventionRenderer | undefined;

/** One renderer per process, so each definition's template is compiled once. */
export function sharedConventionRenderer(): ConventionRenderer {
  return (shared ??= createConventionRenderer(TEMPLATES_DIR));
}
