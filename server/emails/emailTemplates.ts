import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Handlebars from 'handlebars';
import { trimLineEnds } from './trimLineEnds.js';

/** An e-mail ready to send: a one-line subject, a text body and, when its template has one, an HTML body. */
export interface RenderedEmail {
  subject: string;
  text: string;
  html?: string;
}

/** A template that cannot be found, compiled or filled: retrying the delivery would fail the same way. */
export class EmailTemplateError extends Error {
  override name = 'EmailTemplateError';
}

export interface EmailTemplates {
  /**
   * Render `template` with `locals`: `definitions/<id>/emails/<template>.hbs` when the definition folder has one,
   * else `templates/emails/<template>.hbs`. Throws EmailTemplateError.
   */
  render(template: string, locals: Record<string, unknown>, definitionFolder?: string): RenderedEmail;
  /** The file that `render` would use, or undefined. */
  fileOf(template: string, definitionFolder?: string): string | undefined;
}

type Compiled = { subject: HandlebarsTemplateDelegate; text: HandlebarsTemplateDelegate; html?: HandlebarsTemplateDelegate };

const TEMPLATE_NAME = /^[a-z][a-z0-9_]*$/;

/**
 * The e-mail texts. A template file is a `Subject: …` line, a blank line, then the text body, in Handlebars; an
 * optional `<template>.html.hbs` beside it is the HTML body. `_name.hbs` files of templates/emails/ are partials
 * (`{{> name}}`). Every template is compiled once, in strict mode: a local the text names and the payload lacks
 * is an error, not a blank in an e-mail. Subjects and text bodies are plain text, so they are not HTML-escaped
 * (an `&` stays an `&`); the subject is flattened to one line so no value can add a header. HTML bodies are
 * escaped, and may not opt out of it (`{{{…}}}` and `{{& …}}` are refused).
 */
export function createEmailTemplates(templatesDir: string): EmailTemplates {
  const dir = join(templatesDir, 'emails');
  const hbs = Handlebars.create();
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  if (existsSync(dir)) {
    for (const file of readdirSync(dir)) {
      if (file.startsWith('_') && file.endsWith('.hbs')) hbs.registerPartial(file.slice(1, -4), readFileSync(join(dir, file), 'utf8'));
    }
  }
  const cache = new Map<string, Compiled>();

  const fileOf = (template: string, definitionFolder?: string): string | undefined => {
    if (!TEMPLATE_NAME.test(template)) return undefined;
    const own = definitionFolder ? join(resolve(definitionFolder), 'emails', `${template}.hbs`) : undefined;
    if (own && existsSync(own)) return own;
    const shared = join(dir, `${template}.hbs`);
    return existsSync(shared) ? shared : undefined;
  };

  const compile = (file: string): Compiled => {
    const cached = cache.get(file);
    if (cached) return cached;
    const source = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    const match = /^Subject:[ \t]*(.+)\r?\n\r?\n?([\s\S]*)$/.exec(source);
    if (!match) throw new EmailTemplateError(`${file} must start with a "Subject: …" line, then a blank line, then the text of the e-mail.`);
    const htmlFile = file.replace(/\.hbs$/, '.html.hbs');
    const compiled: Compiled = {
      subject: hbs.compile(match[1]!, { strict: true, noEscape: true }),
      text: hbs.compile(match[2]!, { strict: true, noEscape: true }),
    };
    if (existsSync(htmlFile)) {
      const html = readFileSync(htmlFile, 'utf8');
      if (/\{\{\{|\{\{~?\s*&/.test(html)) throw new EmailTemplateError(`${htmlFile} must escape every value: use {{value}}, not {{{value}}} nor {{& value}}.`);
      compiled.html = hbs.compile(html, { strict: true });
    }
    cache.set(file, compiled);
    return compiled;
  };

  return {
    fileOf,
    render(template, locals, definitionFolder) {
      const file = fileOf(template, definitionFolder);
      if (!file) throw new EmailTemplateError(`No e-mail template "${template}": add templates/emails/${template}.hbs (or definitions/<id>/emails/${template}.hbs).`);
      const compiled = compile(file);
      try {
        const subject = compiled.subject(locals).replace(/\s+/g, ' ').trim();
        const text = trimLineEnds(compiled.text(locals)).replace(/\n{3,}/g, '\n\n').trim() + '\n';
        const html = compiled.html?.(locals);
        if (!subject) throw new Error('the subject is empty');
        return { subject, text, ...(html !== undefined ? { html } : {}) };
      } catch (error) {
        throw new EmailTemplateError(`E-mail template ${file}: ${(error as Error).message}`);
      }
    },
  };
}
