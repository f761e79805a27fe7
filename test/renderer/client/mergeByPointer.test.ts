import assert from 'node:assert/strict';
import { mergeByPointer } from '../../../renderer/client/mergeByPointer.js';
import { withValueAt } from '../../../renderer/client/withValueAt.js';

describe('renderer/client mergeByPointer: the page’s typing merged with the server’s newer data', () => {
  const base = { basic_infos: { intitule: 'Projet', description: 'Avant' }, scopes: ['a'] };

  it('keeps both sides when each changed other fields', () => {
    const mine = { basic_infos: { intitule: 'Projet tapé', description: 'Avant' }, scopes: ['a'] };
    const theirs = { basic_infos: { intitule: 'Projet', description: 'Après ailleurs' }, scopes: ['a'], legal: { cadre_juridique_nature: 'Loi' } };
    assert.deepEqual(mergeByPointer(base, mine, theirs), {
      data: { basic_infos: { intitule: 'Projet tapé', description: 'Après ailleurs' }, scopes: ['a'], legal: { cadre_juridique_nature: 'Loi' } },
      conflicts: [],
    });
  });

  it('reports a field both sides changed differently, keeping the page’s value until the applicant chooses', () => {
    const mine = { ...base, basic_infos: { intitule: 'Mien', description: 'Avant' } };
    const theirs = { ...base, basic_infos: { intitule: 'Leur', description: 'Avant' } };
    const merged = mergeByPointer(base, mine, theirs);
    assert.deepEqual(merged.conflicts, [{ pointer: '/basic_infos/intitule', mine: 'Mien', theirs: 'Leur' }]);
    assert.equal((merged.data.basic_infos as Record<string, unknown>).intitule, 'Mien');
  });

  it('takes the same change made on both sides without a conflict, and a removal made on one side', () => {
    const mine = { basic_infos: { intitule: 'Pareil', description: 'Avant' }, scopes: ['a'] };
    const theirs = { basic_infos: { intitule: 'Pareil' }, scopes: ['a'] };
    assert.deepEqual(mergeByPointer(base, mine, theirs), { data: { basic_infos: { intitule: 'Pareil' }, scopes: ['a'] }, conflicts: [] });
  });

  it('compares lists whole: two different changes of one list conflict', () => {
    const merged = mergeByPointer(base, { ...base, scopes: ['a', 'b'] }, { ...base, scopes: ['c'] });
    assert.deepEqual(merged.conflicts, [{ pointer: '/scopes', mine: ['a', 'b'], theirs: ['c'] }]);
  });

  it('escapes keys in pointers and keeps `__proto__` as data', () => {
    const merged = mergeByPointer({}, { 'a/b': { x: 1 }, ['__proto__']: 1 } as Record<string, unknown>, { 'a/b': { x: 2 } });
    assert.deepEqual(merged.conflicts, [{ pointer: '/a~1b/x', mine: 1, theirs: 2 }]);
    assert.equal(Object.getPrototypeOf(merged.data), Object.prototype);
  });

  it('withValueAt sets and removes a value by pointer without touching the original', () => {
    const data = { basic_infos: { intitule: 'A' } };
    assert.deepEqual(withValueAt(data, '/basic_infos/intitule', 'B'), { basic_infos: { intitule: 'B' } });
    assert.deepEqual(withValueAt(data, '/basic_infos/intitule', undefined), { basic_infos: {} });
    assert.deepEqual(withValueAt(data, '/legal/nature', 'Loi'), { basic_infos: { intitule: 'A' }, legal: { nature: 'Loi' } });
    assert.deepEqual(data, { basic_infos: { intitule: 'A' } });
  });
});
