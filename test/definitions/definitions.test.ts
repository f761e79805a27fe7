import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { loadRegistry } from '../../engine/load/loadRegistry.js';
import { runExample } from '../../engine/load/loadExamples.js';
import { CONVENTION_HELPERS } from '../../engine/convention/helpers.js';
import { generateTypes } from '../../engine/types/generateTypes.js';
import { DEFINITIONS, TEMPLATES } from '../helpers/paths.js';

// One data-driven suite walks every definition folder: adding a folder adds its tests.
const registry = loadRegistry(DEFINITIONS, { templatesDir: TEMPLATES });

function conventionRenderer() {
  const hbs = Handlebars.create();
  for (const [name, helper] of Object.entries(CONVENTION_HELPERS)) hbs.registerHelper(name, helper.fn as Handlebars.HelperDelegate);
  for (const file of readdirSync(join(TEMPLATES, 'partials'))) hbs.registerPartial(file.replace(/\.hbs$/, ''), readFileSync(join(TEMPLATES, 'partials', file), 'utf8'));
  return hbs;
}

describe('every definition folder', () => {
  it('finds the definitions', () => {
    assert.ok(registry.results.length >= 1);
  });

  for (const result of registry.results) {
    describe(result.id, () => {
      it('loads with no issue', () => {
        assert.deepEqual(result.issues.map((i) => `${i.code} ${i.message}`), []);
        assert.ok(result.definition);
      });

      const definition = result.definition;
      if (!definition) return;

      it('has at least one valid example', () => {
        assert.ok(definition.examples.some((e) => e.issues.length === 0));
      });

      for (const example of definition.examples) {
        it(`example ${example.name} produces exactly ${example.issues.length ? 'its listed issues' : 'no issue'}`, () => {
          const produced = runExample(example, definition.validator).map((i) => ({ code: i.code, pointer: i.pointer, message: i.message }));
          const expected = example.issues.map((e) => ({ code: e.code, pointer: e.pointer, message: e.message }));
          const comparable = produced.map((p, i) => ({ ...p, message: expected[i]?.message === undefined ? undefined : p.message }));
          assert.deepEqual(
            [...comparable].sort((a, b) => (a.pointer + a.code).localeCompare(b.pointer + b.code)),
            [...expected].sort((a, b) => (a.pointer + a.code).localeCompare(b.pointer + b.code)),
          );
        });
      }

      it('has a convention that renders with its valid examples', function () {
        if (!definition.convention) this.skip();
        const template = conventionRenderer().compile(definition.convention!.source);
        for (const example of definition.examples.filter((e) => !e.issues.length)) {
          const data = definition.validator.normalize(example.data, example.useCaseId ? { useCaseId: example.useCaseId } : {});
          const html = template({ data, definition: { ...definition.meta }, organization: { name: 'Commune de Test', siret: '21350238500019' }, request: { public_id: 'D1' }, granted_scopes: [], generated_at: '2026-11-23' });
          const intitule = (data.basic_infos as { intitule?: string } | undefined)?.intitule;
          if (intitule) assert.ok(html.includes(Handlebars.escapeExpression(intitule)), 'the convention shows the project name');
          assert.ok(html.includes('Commune de Test'));
        }
      });

      it('has an up-to-date types.ts (npx datapass types)', async () => {
        const expected = await generateTypes(definition);
        let current = '';
        try {
          current = readFileSync(join(DEFINITIONS, definition.id, 'types.ts'), 'utf8');
        } catch {
          assert.fail(`${definition.folder}/types.ts is missing: run npx datapass types`);
        }
        assert.equal(current, expected, `${definition.folder}/types.ts is out of date: run npx datapass types`);
      });
    });
  }
});
