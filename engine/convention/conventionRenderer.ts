import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type Handlebars from 'handlebars';
import type { Definition } from '../model/Definition.js';
import { ConventionRenderError } from './ConventionRenderError.js';
import { asRenderError, compileTemplate, type CompiledTemplate } from './compileTemplate.js';
import { createStrictHandlebars } from './createStrictHandlebars.js';
import { genericSections } from './genericSections.js';
import { CONVENTION_HELPERS } from './helpers.js';

/** What a convention reads besides `data`; the shape is CONVENTION_CONTEXT (see buildConventionContext). */
export type ConventionContext = Record<string, unknown> & { data: Record<string, unknown> };

/** What of a definition its convention needs: its own template, or what the generic one is built from. */
export type ConventionDefinition = Pick<Definition, 'id' | 'schema' | 'uiSchema' | 'steps' | 'meta' | 'convention'>;

/** The generic convention's file, under the templates folder. */
export const GENERIC_CONVENTION = 'generic/convention.hbs';

export interface ConventionRenderer {
  /**
   * The convention's HTML body for this definition and context: its convention.hbs, or without one the
   * generic convention built from its schema. Templates compile once. Throws a ConventionRenderError (file,
   * line, column, variable) when the template reads a value absent from the context.
   */
  render(definition: ConventionDefinition, context: ConventionContext): string;
  /** The template a definition's convention comes from (its convention.hbs or the generic one), to record with a document. */
  templateOf(definition: ConventionDefinition): { file: string; source: string };
}

interface PartialOptions {
  fn?: unknown;
  data?: Record<string, unknown>;
}
type Render = (context: unknown, options?: PartialOptions) => string;

/**
 * One strict Handlebars instance with the convention helpers, the partials of `<templatesDir>/partials`
 * (layout, parties, purpose, …) and those of `<templatesDir>/generic` (as `generic/<name>`), isolated from
 * the global Handlebars. Every value is HTML-escaped by `{{…}}` and prototype access stays forbidden.
 * Each partial is compiled here, once, so that an error inside it names the partial's file and line.
 */
export function createConventionRenderer(templatesDir: string): ConventionRenderer {
  const hbs = createStrictHandlebars();
  for (const [name, helper] of Object.entries(CONVENTION_HELPERS)) hbs.registerHelper(name, helper.fn as Handlebars.HelperDelegate);

  // The template running now, innermost last: a render is synchronous, so an error is tagged by the
  // innermost template it crosses, which is the one whose code threw.
  const running: CompiledTemplate[] = [];
  const within = <T>(template: CompiledTemplate, run: () => T): T => {
    running.push(template);
    try {
      return run();
    } catch (error) {
      throw asRenderError(error, template);
    } finally {
      running.pop();
    }
  };
  const asPartial = (template: CompiledTemplate): Render => (context, options = {}) => {
    // The block of `{{#> layout}}…{{/layout}}` is the caller's code, run from inside the layout.
    const caller = running[running.length - 1];
    const block = options.data?.['partial-block'];
    if (caller && typeof options.fn === 'function' && typeof block === 'function') {
      options.data!['partial-block'] = (c: unknown, o: unknown) => within(caller, () => (block as Render)(c, o as PartialOptions));
    }
    try {
      return within(template, () => template.run(context, options as Handlebars.RuntimeOptions));
    } catch (error) {
      // An error of the partial's own code: say which template called it.
      throw caller && error instanceof ConventionRenderError && error.file === template.file ? error.calledBy(caller.file) : error;
    }
  };
  const read = (path: string) => compileTemplate(hbs, relative(process.cwd(), path) || path, readFileSync(path, 'utf8'));
  const registerFolder = (folder: string, prefix: string) => {
    if (!existsSync(folder)) return;
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.hbs')).sort()) {
      if (prefix + file === GENERIC_CONVENTION) continue;
      hbs.registerPartial(prefix + file.slice(0, -4), asPartial(read(join(folder, file))) as Handlebars.Template);
    }
  };
  registerFolder(join(templatesDir, 'partials'), '');
  registerFolder(join(templatesDir, 'generic'), 'generic/');

  let generic: CompiledTemplate | undefined;
  const own = new Map<string, CompiledTemplate>();
  const templateOf = (definition: ConventionDefinition): CompiledTemplate => {
    const convention = definition.convention;
    if (!convention) return (generic ??= read(join(templatesDir, GENERIC_CONVENTION)));
    let template = own.get(definition.id);
    // Keyed by id, recompiled only if the source changed (a definition reloaded while developing).
    if (!template || template.source !== convention.source) {
      template = compileTemplate(hbs, convention.file, convention.source);
      own.set(definition.id, template);
    }
    return template;
  };

  return {
    templateOf(definition) {
      const { file, source } = templateOf(definition);
      return { file, source };
    },
    render(definition, context) {
      const template = templateOf(definition);
      const input = definition.convention ? context : { ...context, sections: genericSections(definition, context.data) };
      // The schema and scopes travel as private data, for the helpers that read titles and labels.
      const data = { schema: definition.schema, scopes: definition.meta.scopes };
      return within(template, () => template.run(input, { data }));
    },
  };
}
