import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConventionRenderError } from '../../engine/convention/ConventionRenderError.js';
import { createConventionRenderer, type ConventionContext } from '../../engine/convention/conventionRenderer.js';
import type { DefinitionMeta } from '../../engine/model/DefinitionMeta.js';
import { TEMPLATES } from '../helpers/paths.js';

const meta = {
  id: 't',
  name: 'API Test',
  provider: 'test',
  description: 'Une API de test.',
  kind: 'api',
  public: true,
  links: {},
  support_email: 'support@test.gouv.fr',
  features: { messaging: true, reopening: true, transfer: true },
  scopes: [],
  use_cases: [],
  attestations: [],
  roles: [],
} satisfies DefinitionMeta;

const renderer = createConventionRenderer(TEMPLATES);
let n = 0;
const render = (source: string, context: Partial<ConventionContext> = {}) =>
  renderer.render({ id: `strict-${n++}`, convention: { file: 'definitions/t/convention.hbs', source }, schema: { type: 'object' }, meta, steps: [], uiSchema: {} }, { data: {}, ...context });
const failure = (source: string, context: Partial<ConventionContext> = {}): ConventionRenderError => {
  try {
    render(source, context);
  } catch (error) {
    assert.ok(error instanceof ConventionRenderError, `a ConventionRenderError, not ${String(error)}`);
    return error;
  }
  assert.fail('the render should have failed');
};

describe('conventions in strict mode', () => {
  it('refuses a bare value absent from the data, naming the file, line, column and variable, in French and English', () => {
    const error = failure('<p>\n  Motif : {{data.volumetrie.justification}}</p>', { data: { volumetrie: {} } });
    assert.equal(error.kind, 'missing_value');
    assert.deepEqual([error.file, error.line, error.column, error.variable], ['definitions/t/convention.hbs', 2, 13, 'data.volumetrie.justification']);
    assert.equal(error.message, 'Le modèle de convention lit « data.volumetrie.justification », absent des données (definitions/t/convention.hbs:2:13).');
    assert.equal(error.englishMessage, 'The convention template reads "data.volumetrie.justification", which the data does not have (definitions/t/convention.hbs:2:13).');
  });

  it('refuses a bare value whose parent is absent, at the first absent segment\'s path', () => {
    const error = failure('{{data.a.b.c}}');
    assert.deepEqual([error.line, error.column, error.variable], [1, 3, 'data.a.b.c']);
  });

  it('reads helper parameters leniently at any depth, so #if, #each and #with guard what may be absent', () => {
    const html = render('[{{#if data.a.b.c}}oui{{else}}non{{/if}}][{{#each data.x.y}}{{this}}{{else}}vide{{/each}}][{{#with request.use_case}}{{title}}{{/with}}][{{date_fr data.a.b}}]');
    assert.equal(html, '[non][vide][][]');
  });

  it('shows a value that is present but null or empty as nothing', () => {
    assert.equal(render('[{{data.a}}][{{data.b}}][{{data.c}}]', { data: { a: null, b: '', c: 0 } }), '[][][0]');
  });

  it('names the partial\'s file and line for an error inside a shared partial, and the template that called it', () => {
    const error = failure('{{#> convention_layout}}\n{{> purpose data.basic_infos}}\n{{/convention_layout}}', {
      definition: { ...meta, provider_name: 'Test' },
      organization: { name: 'Commune', siret: '21450999900006' },
      request: { public_id: 'D1' },
      generated_at: '2026-01-01',
      data: { basic_infos: { description: 'Sans intitulé.' } },
    });
    assert.deepEqual([error.file, error.line, error.variable, error.calledFrom], ['templates/partials/purpose.hbs', 4, 'intitule', 'definitions/t/convention.hbs']);
  });

  it('names the definition\'s own file for an error in the block of the layout, not the layout', () => {
    const error = failure('{{#> convention_layout}}\n\n<p>{{data.absent}}</p>\n{{/convention_layout}}', {
      definition: { ...meta, provider_name: 'Test' },
      organization: { name: 'Commune', siret: '21450999900006' },
      request: { public_id: 'D1' },
      generated_at: '2026-01-01',
    });
    assert.deepEqual([error.file, error.line, error.column, error.variable, error.calledFrom], ['definitions/t/convention.hbs', 3, 6, 'data.absent', undefined]);
  });

  it('reports a syntax error of the definition\'s template at its line', () => {
    const error = failure('<p>\n{{#if data.a}}\n</p>');
    assert.deepEqual([error.kind, error.file, error.line], ['failure', 'definitions/t/convention.hbs', 3]);
    assert.match(error.message, /^Le modèle de convention n’a pas pu être rendu \(definitions\/t\/convention\.hbs:3:1\) : Parse error on line 3: Expecting .*, got 'EOF'\.$/);
  });

  it('refuses a template that would output a value without escaping', () => {
    for (const source of ['<p>\n  {{{data.x}}}</p>', '<p>\n  {{&data.x}}</p>']) {
      const error = failure(source, { data: { x: '<script>' } });
      assert.deepEqual([error.kind, error.line, error.column], ['failure', 2, 3]);
      assert.match(error.englishMessage, /\{\{\{data\.x\}\}\} outputs its value without HTML escaping; write \{\{data\.x\}\}/);
    }
  });

  it('finds no unescaped output in the shared templates', () => {
    assert.doesNotThrow(() => createConventionRenderer(TEMPLATES));
    for (const dir of ['partials', 'generic']) {
      for (const file of readdirSync(join(TEMPLATES, dir))) assert.doesNotMatch(readFileSync(join(TEMPLATES, dir, file), 'utf8'), /\{\{\{|\{\{&/, `${dir}/${file}`);
    }
  });

  it('names a shared partial that does not compile when the renderer is created', () => {
    const dir = mkdtempSync(join(tmpdir(), 'datapass-templates-'));
    try {
      cpSync(TEMPLATES, dir, { recursive: true });
      writeFileSync(join(dir, 'partials', 'security.hbs'), '<section>\n{{#if x}}\n</section>');
      assert.throws(() => createConventionRenderer(dir), (e: unknown) => e instanceof ConventionRenderError && /partials\/security\.hbs$/.test(e.file) && e.line === 3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('prototype access', () => {
    for (const source of ['{{constructor}}', '{{__proto__}}', '{{data.constructor}}', '{{data.__proto__}}', '{{data.toString}}', '{{#with data}}{{constructor}}{{/with}}', '{{lookup data "constructor"}}']) {
      it(`${source} yields nothing, never a function`, () => {
        assert.equal(render(source), '');
      });
    }

    it('{{constructor.name}} or {{data.constructor.constructor}} is refused, never reaches Function', () => {
      for (const source of ['{{constructor.name}}', '{{data.constructor.constructor}}']) {
        let html: string | undefined;
        try {
          html = render(source);
        } catch (error) {
          assert.ok(error instanceof ConventionRenderError);
        }
        assert.ok(html === undefined || html === '', `${source} gives "${html}"`);
      }
    });

    it('does not let a template call a constructor through a helper', () => {
      assert.equal(render('{{#with (lookup data "constructor")}}{{this}}{{/with}}'), '');
    });
  });
});
