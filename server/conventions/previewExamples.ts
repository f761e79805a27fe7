import type { Definition, Example } from '../../engine/index.js';

/** The valid examples of a definition: the ones a convention can be previewed with. */
export const previewExamples = (definition: Definition): Example[] => definition.examples.filter((e) => !e.issues.length);
