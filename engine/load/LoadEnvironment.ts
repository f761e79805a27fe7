import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SharedFiles } from './SharedFiles.js';

/** The platform's own templates, for a definitions root that has none beside it. */
const PLATFORM_TEMPLATES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates');

/** What every definition of one root shares: its fragments, its workflows and the templates' partials. */
export interface LoadEnvironment {
  root: string;
  shared: SharedFiles;
  workflows: SharedFiles;
  partials: Set<string>;
}

/**
 * The environment of a definitions root: `_shared/` and `_workflows/` inside it, and the Handlebars
 * partials of `templates/partials` beside it (else the platform's own). Create one per load so shared files are read once.
 */
export function createLoadEnvironment(definitionsRoot: string, templatesDir?: string): LoadEnvironment {
  const root = resolve(definitionsRoot);
  const sibling = join(dirname(root), 'templates');
  const templates = templatesDir ?? (existsSync(sibling) ? sibling : PLATFORM_TEMPLATES);
  const partialsDir = join(templates, 'partials');
  const partials = new Set<string>();
  if (existsSync(partialsDir)) {
    for (const f of readdirSync(partialsDir)) if (f.endsWith('.hbs')) partials.add(f.slice(0, -4));
  }
  return {
    root,
    shared: new SharedFiles(join(root, '_shared'), ['.json']),
    workflows: new SharedFiles(join(root, '_workflows'), ['.yaml']),
    partials,
  };
}
