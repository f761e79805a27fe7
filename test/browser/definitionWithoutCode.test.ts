import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRegistry } from '../../engine/index.js';
import { DEFINITIONS } from '../helpers/paths.js';
import { walkSuite } from './helpers/walkSuite.js';

const ID = 'api-nouvelle';
const NAME = 'API Nouvelle';

/** The repository's definitions, plus a folder copied from api-exemple under a new id and name: no code at all. */
function definitionsWithNewFolder(): string {
  const root = join(mkdtempSync(join(tmpdir(), 'datapass-definitions-')), 'definitions');
  cpSync(DEFINITIONS, root, { recursive: true });
  cpSync(join(root, 'api-exemple'), join(root, ID), { recursive: true });
  const file = join(root, ID, 'definition.yaml');
  const yaml = readFileSync(file, 'utf8');
  assert.match(yaml, /^name: API Exemple$/m);
  writeFileSync(
    file,
    yaml
      .replace(/^name: API Exemple$/m, `name: ${NAME}`)
      .replace(/^description: >-\n(?: {2}.*\n)+/m, 'description: >-\n  Une API ajoutée au catalogue par un simple dossier de définition, sans une ligne de code.\n'),
  );
  return root;
}

// Walk 4: a definition added with no code (a copied folder) appears in the catalogue and its form works end to end.
describe('browser: a definition added as a folder only is in the catalogue and its form works end to end', function () {
  this.timeout(180_000);
  let root = '';
  before(() => {
    root = definitionsWithNewFolder();
  });
  after(() => rmSync(join(root, '..'), { recursive: true, force: true }));

  it(`the copied folder ${ID} loads with no issue (loadRegistry deep, examples run)`, () => {
    const registry = loadRegistry(root, { deep: true });
    const issues = registry.results.flatMap((r) => r.issues.map((i) => `${r.id}: ${i.code} ${i.message}`));
    assert.deepEqual(issues, []);
    assert.equal(registry.definitions.get(ID)?.meta.name, NAME);
  });

  walkSuite({
    definitionsDir: () => root,
    plan: (definition) => {
      const d = definition(ID);
      return {
        prefix: 'nouvelle',
        definition: d,
        useCaseId: 'libre',
        search: 'Nouvelle',
        data: d.examples.find((e) => e.name === 'valid-libre')!.data as Record<string, unknown>,
        emptyField: ['basic_infos', 'description'],
        upload: ['legal', 'cadre_juridique_document'],
        meOn: ['contacts', 'contact_technique'],
        saveAt: 'legal',
      };
    },
  });
});
