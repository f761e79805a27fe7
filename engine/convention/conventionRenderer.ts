import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { Definition } from '../model/Definition.js';
import { CONVENTION_HELPERS } from './helpers.js';

/** What a convention reads besides `data`; the shape is CONVENTION_CONTEXT. */
export type ConventionContext = Record<string, unknown> & { data: Record<string, unknown> };

export interface ConventionRenderer {
  /** The convention's HTML body for this definition and context. Templates compile once per definition. */
  render(definition: Pick<Definition, 'id' | 'convention' | 'schema'>, context: ConventionContext): string;
}

/**
 * One Handlebars instance with the convention helpers and the partials of `<templatesDir>/partials`
 * (layout, parties, purpose, …), isolated from the global Handlebars. Prototype access stays forbidden
 * (Handlebars' default), and every value is HTML-escaped by `{{…}}`.
 */
export function createConventionRenderer(templatesDir: string): ConventionRenderer {
  const hbs = Handlebars.create();
  for (const [name, helper] of Object.entries(CONVENTION_HELPERS)) hbs.registerHelper(name, helper.fn as Handlebars.HelperDelegate);
  const partialsDir = join(templatesDir, 'partials');
  if (existsSync(partialsDir)) {
    for (const file of readdirSync(partialsDir).filter((f) => f.endsWith('.hbs'))) {
      hbs.registerPartial(file.slice(0, -4), readFileSync(join(partialsDir, file), 'utf8'));
    }
  }
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  return {
    render(definition, context) {
      if (!definition.convention) throw new Error(`Definition ${definition.id} has no convention.hbs.`);
      let template = compiled.get(definition.id);
      if (!template) {
        template = hbs.compile(definition.convention.source);
        compiled.set(definition.id, template);
      }
      // The definition's schema travels as private data, for helpers that read titles (option_labels).
      return template(context, { data: { schema: definition.schema } });
    },
  };
}
