import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { loadRegistry } from '../../engine/load/loadRegistry.js';
import { runExample } from '../../engine/load/loadExamples.js';
import { createConventionRenderer } from '../../engine/convention/conventionRenderer.js';
import { grantedScopes } from '../../engine/convention/grantedScopes.js';
import { generateTypes } from '../../engine/types/generateTypes.js';
import { DEFINITIONS, TEMPLATES } from '../helpers/paths.js';

// One data-driven suite walks every definition folder: adding a folder adds its tests.
const registry = loadRegistry(DEFINITIONS, { templatesDir: TEMPLATES });

const renderer = createConventionRenderer(TEMPLATES);

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

      it('has a convention that renders each valid example as an agreement between the parties', function () {
        if (!definition.convention) this.skip();
        const escape = (v: string) => Handlebars.escapeExpression(v);
        for (const example of definition.examples.filter((e) => !e.issues.length)) {
          const data = definition.validator.normalize(example.data, example.useCaseId ? { useCaseId: example.useCaseId } : {});
          const useCase = definition.meta.use_cases.find((u) => u.id === example.useCaseId);
          const granted = grantedScopes(definition.meta.scopes, data);
          const html = renderer.render(definition, {
            data,
            definition: { ...definition.meta },
            organization: { name: 'Commune de Test', siret: '21350238500019', address: '1 place de la Mairie 35000 Rennes' },
            request: { id: 1, public_id: 'D1', use_case: useCase ? { id: useCase.id, title: useCase.title } : undefined },
            authorization: { id: 2, public_id: 'H2', state: 'active' },
            granted_scopes: granted,
            generated_at: '2026-11-23T10:00:00Z',
          });
          const where = `${definition.id}, example ${example.name}`;
          for (const expected of ['Commune de Test', '21350238500019', definition.meta.name, 'D1', 'H2', '23 novembre 2026']) {
            assert.ok(html.includes(escape(expected)), `${where}: the convention shows ${expected}`);
          }
          const basics = data.basic_infos as { intitule?: string } | undefined;
          if (basics?.intitule) assert.ok(html.includes(escape(basics.intitule)), `${where}: the convention shows the project name`);
          const legal = data.legal as { cadre_juridique_nature?: string } | undefined;
          if (legal?.cadre_juridique_nature) assert.ok(html.includes(escape(legal.cadre_juridique_nature)), `${where}: the convention shows the legal basis`);
          for (const group of granted) {
            for (const item of group.items) assert.ok(html.includes(escape(item.label)), `${where}: the convention lists the scope ${item.value}`);
          }
          const retention = (data.personal_data as { duree_conservation_donnees_caractere_personnel?: number } | undefined)?.duree_conservation_donnees_caractere_personnel;
          if (retention !== undefined) assert.ok(html.includes(`${retention} mois`), `${where}: the convention shows the retention`);
          assert.ok(!/\{\{|\}\}/.test(html), `${where}: no Handlebars syntax is left in the output`);
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
