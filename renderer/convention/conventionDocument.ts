import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { conventionIdentifiers, type ConventionMeta } from '../../engine/index.js';

const CSS_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates', 'convention.css');
let css: string | undefined;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

/**
 * A CSS string literal for any text: quotes, backslashes, line breaks and `<` `>` `&` (so that no value can
 * close the <style> element) become CSS escapes.
 */
function cssString(text: string): string {
  return `"${text.replace(/["\\<>&\u0000-\u001f\u007f\u2028\u2029]/g, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`;
}

/**
 * The convention as a standalone HTML5 document, for the screen and for printing on A4: `bodyHtml` (the rendered
 * convention) with its title and the styles of templates/convention.css inline; no script, no external resource,
 * and a Content-Security-Policy that allows neither. Printed pages carry the organisation, the identifiers and
 * "Page N / M" in @page margin boxes (Chromium 131 and later); elsewhere the identifiers stay in the
 * convention's own header, on the first page.
 */
export function conventionHtmlDocument(bodyHtml: string, meta: ConventionMeta): string {
  css ??= readFileSync(CSS_FILE, 'utf8');
  const running = 'font-family: Marianne, system-ui, sans-serif; font-size: 8pt; color: #666666;';
  const page = `@page {
  @top-left { content: ${cssString(`${meta.organizationName} · SIRET ${meta.siret}`)}; ${running} }
  @top-right { content: ${cssString(meta.definitionName)}; ${running} }
  @bottom-left { content: ${cssString(conventionIdentifiers(meta))}; ${running} }
  @bottom-right { content: "Page " counter(page) " / " counter(pages); ${running} }
}`;
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(meta.title)}</title>
<style>
${css}
${page}
</style>
</head>
<body>
${bodyHtml}
</body>
</html>
`;
}
