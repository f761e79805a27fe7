import assert from 'node:assert/strict';
import { issuesOfOtherSteps } from '../../../renderer/client/OtherStepsErrors.js';

describe('renderer/client issuesOfOtherSteps: what a step page must show beside its own form', () => {
  const steps = [
    { id: 'basic_infos', title: 'Votre projet' },
    { id: 'legal', title: 'Cadre juridique' },
    { id: 'modalities', title: 'Modalités d’appel' },
  ];

  it('groups other steps’ issues by step in order, leaves the current step’s to its form, keeps those of no step', () => {
    const found = issuesOfOtherSteps(
      [
        { pointer: '/legal', message: '« Cadre juridique » est obligatoire.' },
        { pointer: '/basic_infos/description', message: '« Description du projet » est obligatoire.' },
        { pointer: '/modalities/modalities', message: 'Choisissez au moins une modalité.' },
        { pointer: '/data', message: 'Les données sont trop volumineuses.' },
        { pointer: '/basic_infosX/y', message: 'Not a step prefix.' },
      ],
      steps,
      'modalities',
    );
    assert.deepEqual(
      found.groups.map((g) => [g.index, g.step.id, g.earlier, g.issues.map((i) => i.pointer)]),
      [
        [0, 'basic_infos', true, ['/basic_infos/description']],
        [1, 'legal', true, ['/legal']],
      ],
    );
    assert.deepEqual(found.unplaced.map((i) => i.pointer), ['/data', '/basic_infosX/y']);
  });

  it('marks a later step as not earlier', () => {
    const found = issuesOfOtherSteps([{ pointer: '/modalities/modalities/0', message: 'Valeur inconnue.' }], steps, 'basic_infos');
    assert.deepEqual(found.groups.map((g) => [g.step.id, g.earlier]), [['modalities', false]]);
  });
});
