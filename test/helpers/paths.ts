import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, whatever directory mocha runs from. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFINITIONS = join(ROOT, 'definitions');
export const TEMPLATES = join(ROOT, 'templates');
