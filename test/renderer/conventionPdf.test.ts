import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Element } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';
import { buildConventionContext, exampleConventionContext, EXAMPLE_ORGANIZATION } from '../../engine/convention/buildConventionContext.js';
import { conventionMetaOf } from '../../engine/convention/conventionMetaOf.js';
import { conventionHtmlDocument } from '../../renderer/convention/conventionDocument.js';
import { createConventionRenderer, type ConventionContext } from '../../engine/convention/conventionRenderer.js';
import { grantedScopes } from '../../engine/convention/grantedScopes.js';
import { renderConventionPdf } from '../../renderer/convention/pdf/renderConventionPdf.js';
import { loadRegistry } from '../../engine/load/loadRegistry.js';
import type { Definition } from '../../engine/model/Definition.js';
import { comparable, elementShapes, HOSTILE, HOSTILE_TEXT, withoutBidiControls } from '../helpers/hostileValues.js';
import { DEFINITIONS, ROOT, TEMPLATES } from '../helpers/paths.js';
import { PDFTOTEXT, pdfText } from '../helpers/pdftotext.js';
import { requireService } from '../helpers/serviceSkip.js';

const registry = loadRegistry(DEFINITIONS, { templatesDir: TEMPLATES });
const renderer = createConventionRenderer(TEMPLATES);
const withConvention = registry.results.flatMap((r) => (r.definition?.convention ? [r.definition] : []));



const metaOf = conventionMetaOf;

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** `value` with every string replaced by the hostile text. */
function hostile(value: unknown): unknown {
  if (typeof value === 'string') return HOSTILE_TEXT;
  if (Array.isArray(value)) return value.map(hostile);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hostile(v)]));
  return value;
}


describe('convention formats', () => {
  describe('PDF', function () {
    before(function () {
      requireService(this, PDFTOTEXT);
    });

    it('finds definitions with a convention.hbs', () => {
      assert.ok(withConvention.length >= 1);
    });

    for (const definition of withConvention) {
      for (const example of definition.examples.filter((e) => e.name.startsWith('valid-') && !e.issues.length)) {
        it(`${definition.id}, ${example.name}: the PDF's text holds the parties, the scopes and the legal basis`, async () => {
          const context = exampleConventionContext(definition, example.name, { generatedAt: '2026-11-23T10:00:00Z' });
          const pdf = await renderConventionPdf(renderer.render(definition, context), metaOf(definition, context));
          assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
          const text = comparable(pdfText(pdf));
          const expected = [EXAMPLE_ORGANIZATION.name, EXAMPLE_ORGANIZATION.siret, definition.meta.name, 'D1234', 'H5678', '23 novembre 2026'];
          for (const group of grantedScopes(definition.meta.scopes, context.data)) expected.push(...group.items.map((i) => i.label));
          const legal = (context.data.legal as { cadre_juridique_nature?: string } | undefined)?.cadre_juridique_nature;
          if (legal) expected.push(legal);
          for (const value of expected) assert.ok(text.includes(comparable(value)), `the PDF shows "${value}"`);
        });
      }
    }

    it('carries the identifiers and "Page N / M" on every page of an A4 document', async () => {
      const definition = withConvention[0]!;
      const context = exampleConventionContext(definition, undefined, { generatedAt: '2026-11-23T10:00:00Z' });
      const pdf = await renderConventionPdf(renderer.render(definition, context), metaOf(definition, context));
      const pages = pdfText(pdf).split('\f').filter((p) => p.trim());
      assert.ok(pages.length >= 2, 'a convention takes more than one page');
      pages.forEach((page, i) => {
        assert.match(page, /Demande D1234 · Habilitation H5678/, `page ${i + 1} carries the identifiers`);
        assert.match(page, new RegExp(`Page ${i + 1} / ${pages.length}`), `page ${i + 1} is numbered`);
      });
      assert.match(pdf.toString('latin1'), /\/MediaBox \[0 0 595\.28 841\.89\]/, 'A4 pages');
    });

    describe('with hostile values in every field', () => {
      const definition = registry.definitions.get('api-particulier') ?? withConvention[0]!;
      const example = definition.examples.find((e) => !e.issues.length)!;
      const normal = exampleConventionContext(definition, example.name, { generatedAt: '2026-11-23T10:00:00Z' });
      const data = hostile(normal.data) as Record<string, unknown>;
      const context = buildConventionContext({
        definition,
        data,
        useCaseId: example.useCaseId,
        organization: { name: HOSTILE_TEXT, siret: '21450999900006', address: HOSTILE_TEXT },
        request: { id: 1, publicId: 'D1', createdAt: '2026-01-05T09:00:00Z' },
        authorization: { id: 2, publicId: 'H2', createdAt: '2026-01-20T10:00:00Z', state: 'active' },
        generatedAt: '2026-11-23T10:00:00Z',
      });
      const body = renderer.render(definition, context);

      it('renders an HTML body with no element nor attribute that the template does not produce', () => {
        const produced = elementShapes(renderer.render(definition, normal));
        const injected = [...elementShapes(body)].filter((shape) => !produced.has(shape));
        assert.deepEqual(injected, []);
        const names = new Set((DomUtils.findAll(() => true, parseDocument(body).children) as Element[]).map((e) => e.name));
        for (const name of ['script', 'b']) assert.ok(!names.has(name), `no <${name}> element`);
        assert.ok(body.includes(HOSTILE.longWord), 'the values are in the body');
      });

      it('gives a PDF whose text shows each hostile value as written', async () => {
        const pdf = await renderConventionPdf(body, metaOf(definition, context));
        const raw = pdfText(pdf);
        const text = comparable(raw);
        for (const [name, value] of Object.entries(HOSTILE)) assert.ok(text.includes(comparable(value)), `the PDF shows the ${name} value as written: ${value}`);
        // Spaces included: the right-to-left values come back in logical order, letters and words; the emoji
        // with their ZWJ sequence and flag (one glyph each, mapped to all their code points).
        const lines = withoutBidiControls(raw).replace(/\s+/g, ' ');
        for (const value of [HOSTILE.arabic, HOSTILE.hebrew, HOSTILE.emoji, HOSTILE.french]) assert.ok(lines.includes(value), `exactly ${value}`);
      });

      it('wraps the long word within the page instead of cutting it off', async () => {
        const pdf = await renderConventionPdf(body, metaOf(definition, context));
        const lines = pdfText(pdf, { layout: true }).split('\n');
        assert.ok(lines.some((l) => l.includes('Anticonstitutionnellement')));
        assert.ok(!lines.some((l) => l.includes(HOSTILE.longWord)), 'the 300-character word is broken over several lines');
      });
    });
  });

  describe('determinism', () => {
    const definition = withConvention[0]!;
    const context = exampleConventionContext(definition, undefined, { generatedAt: '2026-11-23T10:00:00Z' });
    const body = renderer.render(definition, context);
    const meta = metaOf(definition, context);

    it('gives the same bytes for the same HTML and meta, whatever the process rendered before', async () => {
      const first = await renderConventionPdf(body, meta);
      await renderConventionPdf(`<p>${HOSTILE_TEXT}</p><ul><li>${HOSTILE.emoji} espace\u00a0insécable</li></ul>`, { ...meta, organizationName: HOSTILE_TEXT });
      const [second, third] = await Promise.all([renderConventionPdf(body, meta), renderConventionPdf(body, meta)]);
      assert.ok(first.equals(second) && first.equals(third));
      const fresh = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'test', 'helpers', 'conventionPdfSha256.ts')], { input: JSON.stringify({ html: body, meta }) }).toString();
      assert.equal(fresh, sha256(first), 'a fresh process gives the same bytes');
    });

    it('dates the PDF from meta.date', async () => {
      const pdf = (await renderConventionPdf(body, meta)).toString('latin1');
      assert.equal(pdf.match(/\(D:20261123100000Z\)/g)?.length, 2, 'CreationDate and ModDate');
    });
  });

  describe('the standalone HTML document', () => {
    const definition = withConvention[0]!;
    const context = exampleConventionContext(definition, undefined, { generatedAt: '2026-11-23T10:00:00Z' });
    const meta = { ...metaOf(definition, context), organizationName: `</style><script>alert(1)</script> "Commune" \\ ${HOSTILE.arabic}` };
    const html = conventionHtmlDocument(renderer.render(definition, context), meta);

    it('is an HTML5 document in French with its styles inline, and no script nor external resource', () => {
      assert.match(html, /^<!doctype html>\n<html lang="fr">/);
      assert.match(html, /<meta charset="utf-8">/);
      assert.match(html, /<title>Convention d’accès aux données /);
      assert.ok(!/<script/i.test(html), 'no <script');
      assert.ok(!/<link\b|@import|url\(|src=/i.test(html), 'no external resource');
      assert.equal(html.match(/<\/style>/g)?.length, 1, 'no value closes the <style> element');
    });

    it('prints on A4 with the identifiers and the page counter in the page margins, and wraps long words', () => {
      assert.match(html, /@page \{\s*size: A4;/);
      assert.match(html, /@bottom-left \{ content: "Demande D1234 · Habilitation H5678";/);
      assert.match(html, /@bottom-right \{ content: "Page " counter\(page\) " \/ " counter\(pages\);/);
      assert.match(html, /@top-left \{ content: "\\3c \/style\\3e \\3c script\\3e alert\(1\)\\3c \/script\\3e  \\22 Commune\\22  \\5c /);
      assert.match(html, /overflow-wrap: anywhere/);
    });
  });
});
