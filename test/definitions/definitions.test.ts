import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { loadRegistry } from '../../engine/load/loadRegistry.js';
import { runExample } from '../../engine/load/loadExamples.js';
import { checkConventionRenders } from '../../engine/check/checkConventionRenders.js';
import { EXAMPLE_ORGANIZATION, exampleConventionContext } from '../../engine/convention/buildConventionContext.js';
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

      // Its own convention.hbs when it has one, and in any case the generic convention built from its schema.
      const variants = [...(definition.convention ? [['its convention.hbs', definition] as const] : []), ['the generic convention', { ...definition, convention: undefined }] as const];
      for (const [name, rendered] of variants) {
        it(`renders ${name} in strict mode with each valid example, with and without the optional context`, () => {
          assert.deepEqual(checkConventionRenders(rendered, renderer).map((i) => `${i.code} ${i.message}`), []);
        });

        it(`renders ${name} for each valid example as an agreement between the parties`, () => {
          const escape = (v: string) => Handlebars.escapeExpression(v);
          for (const example of definition.examples.filter((e) => !e.issues.length)) {
            const context = exampleConventionContext(definition, example.name, { generatedAt: '2026-11-23T10:00:00Z' });
            const data = context.data;
            const html = renderer.render(rendered, context);
            const where = `${definition.id}, example ${example.name}`;
            for (const expected of [EXAMPLE_ORGANIZATION.name, EXAMPLE_ORGANIZATION.siret, EXAMPLE_ORGANIZATION.address, definition.meta.name, definition.meta.provider_name ?? definition.meta.provider, 'D1234', 'H5678', '23 novembre 2026']) {
              assert.ok(html.includes(escape(expected)), `${where}: the convention shows ${expected}`);
            }
            const basics = data.basic_infos as { intitule?: string } | undefined;
            if (basics?.intitule) assert.ok(html.includes(escape(basics.intitule)), `${where}: the convention shows the project name`);
            const legal = data.legal as { cadre_juridique_nature?: string } | undefined;
            if (legal?.cadre_juridique_nature) assert.ok(html.includes(escape(legal.cadre_juridique_nature)), `${where}: the convention shows the legal basis`);
            for (const group of grantedScopes(definition.meta.scopes, data)) {
              assert.ok(html.includes(escape(group.group)), `${where}: the convention shows the scope group ${group.group}`);
              for (const item of group.items) assert.ok(html.includes(escape(item.label)), `${where}: the convention lists the scope ${item.value}`);
            }
            const personal = data.personal_data as { duree_conservation_donnees_caractere_personnel?: number; destinataire_donnees_caractere_personnel?: string } | undefined;
            if (personal?.duree_conservation_donnees_caractere_personnel !== undefined) assert.ok(html.includes(`${personal.duree_conservation_donnees_caractere_personnel} mois`), `${where}: the convention shows the retention`);
            if (personal?.destinataire_donnees_caractere_personnel) assert.ok(html.includes(escape(personal.destinataire_donnees_caractere_personnel)), `${where}: the convention shows the recipients`);
            for (const part of ['Sécurité', 'Signatures']) assert.ok(html.includes(part), `${where}: the convention has its ${part} article`);
            assert.ok(!/\{\{|\}\}|undefined|\[object /.test(html), `${where}: no Handlebars syntax nor raw value is left in the output`);
          }
        });
      }

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
