import assert from 'node:assert/strict';
import { buildConventionContext, EXAMPLE_ORGANIZATION, exampleConventionContext } from '../../engine/convention/buildConventionContext.js';
import { CONVENTION_CONTEXT, type ContextShape } from '../../engine/convention/conventionContext.js';
import { isSiret } from '../../engine/formats/index.js';
import { loadRegistry } from '../../engine/load/loadRegistry.js';
import type { Definition } from '../../engine/model/Definition.js';
import { DEFINITIONS, TEMPLATES } from '../helpers/paths.js';

/** The paths of a built context that CONVENTION_CONTEXT does not describe (`data` aside). */
function outsideShape(value: unknown, shape: ContextShape | { [key: string]: ContextShape }, at: string): string[] {
  if (shape === 'value') return value !== null && typeof value === 'object' ? [at] : [];
  if (Array.isArray(shape)) return Array.isArray(value) ? value.flatMap((v, i) => outsideShape(v, shape[0], `${at}/${i}`)) : [at];
  if (!value || typeof value !== 'object') return [at];
  return Object.entries(value).flatMap(([k, v]) => (k in shape ? outsideShape(v, (shape as Record<string, ContextShape>)[k]!, `${at}/${k}`) : [`${at}/${k}`]));
}

describe('the convention context', () => {
  let particulier: Definition;
  before(function () {
    this.timeout(60_000);
    particulier = loadRegistry(DEFINITIONS, { templatesDir: TEMPLATES }).definitions.get('api-particulier')!;
  });

  it('is built from what the server knows, with exactly the shape of CONVENTION_CONTEXT', () => {
    const context = buildConventionContext({
      definition: particulier,
      data: { scopes: ['cnaf_quotient_familial'] },
      useCaseId: particulier.meta.use_cases[0]!.id,
      organization: { name: 'Commune de Test', siret: '21450999900006', address: '1 place de la Mairie', legal_category: undefined },
      applicant: { email: 'a@b.fr', given_name: 'Camille', family_name: undefined },
      request: { id: 12, publicId: 'D12', createdAt: new Date('2026-01-05T09:00:00Z'), lastSubmittedAt: '2026-01-12T14:30:00.000Z' },
      authorization: { id: 3, publicId: 'H3', createdAt: '2026-01-20T10:00:00.000Z', state: 'active' },
      generatedAt: new Date('2026-01-20T10:00:00Z'),
    });
    const { data, ...rest } = context;
    assert.deepEqual(outsideShape(rest, CONVENTION_CONTEXT, ''), []);
    assert.deepEqual(data, { scopes: ['cnaf_quotient_familial'] });
    assert.deepEqual(context.organization, { name: 'Commune de Test', siret: '21450999900006', address: '1 place de la Mairie' }, 'absent values are left out');
    assert.deepEqual(context.applicant, { email: 'a@b.fr', given_name: 'Camille' });
    assert.deepEqual(context.request, {
      id: 12,
      public_id: 'D12',
      created_at: '2026-01-05T09:00:00.000Z',
      last_submitted_at: '2026-01-12T14:30:00.000Z',
      use_case: { id: particulier.meta.use_cases[0]!.id, title: particulier.meta.use_cases[0]!.title },
    });
    assert.deepEqual(context.authorization, { id: 3, public_id: 'H3', created_at: '2026-01-20T10:00:00.000Z', state: 'active' });
    assert.equal(context.generated_at, '2026-01-20T10:00:00.000Z');
    assert.equal((context.definition as { provider_name: string }).provider_name, particulier.meta.provider_name);
    assert.deepEqual(context.granted_scopes, [{ group: particulier.meta.scopes.find((g) => g.items.some((s) => s.value === 'cnaf_quotient_familial'))!.group, items: [{ value: 'cnaf_quotient_familial', label: particulier.meta.scopes.flatMap((g) => g.items).find((s) => s.value === 'cnaf_quotient_familial')!.label }] }]);
  });

  it('leaves out the authorization, applicant and use case when there are none, and names the provider by its slug without provider_name', () => {
    const context = buildConventionContext({
      definition: { meta: { ...particulier.meta, provider_name: undefined } },
      data: {},
      organization: { name: 'Commune de Test', siret: '21450999900006' },
      request: { id: 12, publicId: 'D12', createdAt: '2026-01-05' },
      generatedAt: '2026-01-20',
    });
    assert.deepEqual(Object.keys(context).sort(), ['data', 'definition', 'generated_at', 'granted_scopes', 'organization', 'request']);
    assert.deepEqual(Object.keys(context.request as object), ['id', 'public_id', 'created_at']);
    assert.equal((context.definition as { provider_name: string }).provider_name, particulier.meta.provider);
  });

  it('is built for an example with an illustrative organisation, the data normalized, complete or minimal', () => {
    assert.ok(isSiret(EXAMPLE_ORGANIZATION.siret));
    const example = particulier.examples.find((e) => !e.issues.length)!;
    const complete = exampleConventionContext(particulier, example.name, { generatedAt: '2026-01-20T10:00:00.000Z' });
    assert.deepEqual(complete.data, particulier.validator.normalize(example.data, example.useCaseId ? { useCaseId: example.useCaseId } : {}));
    assert.deepEqual(complete.organization, EXAMPLE_ORGANIZATION);
    assert.ok(complete.authorization && complete.applicant);
    const minimal = exampleConventionContext(particulier, example.name, { variant: 'minimal' });
    assert.deepEqual(minimal.organization, { name: EXAMPLE_ORGANIZATION.name, siret: EXAMPLE_ORGANIZATION.siret });
    assert.equal(minimal.authorization, undefined);
    assert.equal(minimal.applicant, undefined);
    assert.deepEqual(exampleConventionContext(particulier).data, complete.data, 'the first valid example by default');
  });

  it('says which examples exist when asked for another', () => {
    assert.throws(() => exampleConventionContext(particulier, 'valid-inconnu'), /api-particulier has no example "valid-inconnu"\. Its examples: .*valid-libre-params/);
  });
});
