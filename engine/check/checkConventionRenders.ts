import { ConventionRenderError } from '../convention/ConventionRenderError.js';
import type { ConventionRenderer } from '../convention/conventionRenderer.js';
import { exampleConventionContext, type ExampleVariant } from '../convention/buildConventionContext.js';
import type { Issue } from '../issues/Issue.js';
import { fileIssue } from '../issues/makeIssue.js';
import type { Definition } from '../model/Definition.js';
import { createSourceFile } from '../source/SourceFile.js';

const VARIANTS: readonly ExampleVariant[] = ['complete', 'minimal'];

/**
 * Render the definition's convention (its own or the generic one) in strict mode with each valid example,
 * once with every optional part of the context (authorization, applicant, address) and once without: a value
 * the template reads bare but that the data or context lacks is reported at the template's line and column,
 * once per place, naming the examples that miss it.
 */
export function checkConventionRenders(definition: Definition, renderer: ConventionRenderer): Issue[] {
  const failures = new Map<string, { error: ConventionRenderError; examples: Set<string>; minimalOnly: boolean }>();
  for (const example of definition.examples.filter((e) => !e.issues.length && e.context === 'submit')) {
    for (const variant of VARIANTS) {
      try {
        renderer.render(definition, exampleConventionContext(definition, example.name, { variant, generatedAt: '2026-01-20T10:00:00.000Z' }));
      } catch (error) {
        if (!(error instanceof ConventionRenderError)) throw error;
        const key = `${error.file}:${error.line}:${error.column}:${error.variable}`;
        const seen = failures.get(key) ?? { error, examples: new Set<string>(), minimalOnly: variant === 'minimal' };
        seen.examples.add(example.name);
        if (variant === 'complete') seen.minimalOnly = false;
        failures.set(key, seen);
      }
    }
  }
  return [...failures.values()].map(({ error, examples, minimalOnly }) => {
    const file = createSourceFile(error.file, definition.convention?.file === error.file ? definition.convention.source : '', undefined);
    const position = error.line ? { position: { line: error.line, column: error.column ?? 1 } } : {};
    const which = `${examples.size > 1 ? 'examples' : 'example'} ${[...examples].join(', ')}${minimalOnly ? ', without the optional authorization, applicant and address' : ''}`;
    if (error.kind === 'missing_value') {
      return fileIssue(
        file,
        'CONVENTION_MISSING_VALUE',
        '',
        `The convention of ${definition.id} reads "${error.variable}", which ${which} ${examples.size > 1 ? 'do' : 'does'} not have`,
        `If the value is optional, guard it: {{#if ${error.variable}}}…{{/if}}; otherwise fix the path or the example.`,
        position,
      );
    }
    return fileIssue(file, 'CONVENTION_RENDER_FAILED', '', `The convention of ${definition.id} cannot be rendered for ${which}: ${error.englishMessage}`, undefined, position);
  });
}
