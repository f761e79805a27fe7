import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { renderToString } from 'react-dom/server';
import type { FieldPathList, FieldProps, RJSFSchema } from '@rjsf/utils';
import { formSchema, type ScopeGroup } from '../../../engine/index.js';
import { StepForm, type DsfrFormContext } from '../../../renderer/theme/index.js';
import { ScopeCheckbox } from '../../../renderer/theme/fields/ScopeCheckbox.js';
import { ScopesField } from '../../../renderer/theme/fields/ScopesField.js';
import { definition } from './support/definitions.js';
import { findElements } from './support/elementTree.js';
import { byClass, byId, hasClass, outerHtml, tags, text } from './support/htmlTags.js';
import { consoleErrors } from './support/renderForm.js';

const particulier = definition('api-particulier');
const schema = formSchema(particulier) as RJSFSchema;

function scopesStep(context: DsfrFormContext, scopes?: string[], d = particulier) {
  const { result, errors } = consoleErrors(() =>
    renderToString(<StepForm schema={formSchema(d) as RJSFSchema} uiSchema={d.uiSchema} stepId="scopes" data={scopes ? { scopes } : {}} context={context} />),
  );
  assert.deepEqual(errors, []);
  return result;
}

function legends(html: string): string[] {
  return tags(html).filter((t) => t.name === 'legend').map((l) => text(outerHtml(html, l)));
}

function box(html: string, value: string) {
  return byId(html, `root_scopes-${value}`);
}

/** The badges in the label of a scope. */
function badges(html: string, value: string): string[] {
  const label = tags(html).find((t) => t.name === 'label' && t.attrs.for === `root_scopes-${value}`)!;
  return byClass(outerHtml(html, label), 'fr-badge').map((b) => text(outerHtml(outerHtml(html, label), b)));
}

describe('DSFR theme: scopes', () => {
  it('groups the scopes of api-particulier by group, one fr-fieldset each, the group as legend', () => {
    const html = scopesStep({ scopes: { groups: particulier.meta.scopes } }, ['cnaf_quotient_familial']);
    assert.deepEqual(legends(html), particulier.meta.scopes.map((g) => g.group));
    const fieldsets = tags(html).filter((t) => t.name === 'fieldset');
    assert.ok(fieldsets.every((f) => hasClass(f, 'fr-fieldset')));
    const all = particulier.meta.scopes.flatMap((g) => g.items);
    assert.equal(tags(html).filter((t) => t.attrs.type === 'checkbox').length, all.length);
    assert.ok('checked' in box(html, 'cnaf_quotient_familial').attrs);
    assert.ok(!('checked' in box(html, 'cnaf_enfants').attrs));
    const label = outerHtml(html, tags(html).find((t) => t.name === 'label' && t.attrs.for === 'root_scopes-family_name')!);
    assert.equal(text(label), 'Nom de naissance Uniquement avec la modalité d\'appel via FranceConnect.', 'label, then help as a hint');
    assert.equal(byClass(label, 'fr-hint-text').length, 1);
    assert.match(text(html), /Ne cochez que les données strictement nécessaires/, 'the ui:help of the step');
  });

  it('shows only the scopes of the use case (allowed), and those already selected', () => {
    const useCase = particulier.meta.use_cases.find((u) => u.id === 'tarification-municipale-enfance')!;
    const html = scopesStep({ scopes: { groups: particulier.meta.scopes, allowed: useCase.scopes } }, ['cnaf_quotient_familial', 'revenu_solidarite_active']);
    const shown = tags(html).filter((t) => t.attrs.type === 'checkbox').map((t) => t.attrs.value);
    assert.deepEqual(shown, [...useCase.scopes!, 'revenu_solidarite_active']);
    assert.ok(legends(html).includes('Quotient familial CAF & MSA'));
    assert.ok(!legends(html).includes('FranceConnect'), 'a group left empty is dropped');
  });

  it('shows the states of api-exemple: included ticked, disabled and locked with a badge; unavailable; deprecated', () => {
    const exemple = definition('api-exemple');
    const items = exemple.meta.scopes.flatMap((g) => g.items);
    const included = items.find((s) => s.included)!;
    const disabled = items.find((s) => s.disabled)!;
    const deprecated = items.find((s) => s.deprecated)!;
    const html = scopesStep({ scopes: { groups: exemple.meta.scopes } }, [], exemple);
    assert.ok('checked' in box(html, included.value).attrs && 'disabled' in box(html, included.value).attrs);
    assert.deepEqual(badges(html, included.value), ['Incluse']);
    assert.ok('disabled' in box(html, disabled.value).attrs && !('checked' in box(html, disabled.value).attrs));
    assert.deepEqual(badges(html, disabled.value), ['Indisponible']);
    assert.ok('disabled' in box(html, deprecated.value).attrs);
    assert.deepEqual(badges(html, deprecated.value), ['Obsolète depuis le 1er janvier 2024']);
    const selected = scopesStep({ scopes: { groups: exemple.meta.scopes } }, [deprecated.value], exemple);
    assert.ok(!('disabled' in box(selected, deprecated.value).attrs), 'a deprecated scope already selected can be unticked');
    assert.ok('checked' in box(selected, deprecated.value).attrs);
    const older = scopesStep({ scopes: { groups: exemple.meta.scopes, createdAt: '2023-06-01T10:00:00Z' } }, [], exemple);
    assert.ok(!('disabled' in box(older, deprecated.value).attrs), 'a request created before the deprecation may still ask for it');
  });

  it('links each scope to its documentation in a new window', () => {
    const groups: ScopeGroup[] = [{ group: 'Revenus', items: [{ value: 'rsa', label: 'Statut RSA', link: 'https://api.gouv.fr/rsa' }] }];
    const html = scopesStep({ scopes: { groups } }, []);
    const link = tags(html).find((t) => t.name === 'a')!;
    assert.deepEqual([link.attrs.href, link.attrs.target, link.attrs.rel], ['https://api.gouv.fr/rsa', '_blank', 'noopener']);
    assert.match(link.attrs.title!, /nouvelle fenêtre/);
    assert.match(text(outerHtml(html, link)), /^Documentation/);
  });

  it('locks every scope when /scopes is locked', () => {
    const html = scopesStep({ scopes: { groups: particulier.meta.scopes }, locked: ['/scopes'] }, ['cnaf_quotient_familial']);
    assert.ok(tags(html).filter((t) => t.attrs.type === 'checkbox').every((t) => 'disabled' in t.attrs));
    assert.match(text(html), /Prérempli pour ce cas d'usage, non modifiable/);
  });

  it('shows the error of a scope beside it', () => {
    const html = renderToString(
      <StepForm schema={schema} uiSchema={particulier.uiSchema} stepId="scopes" data={{ scopes: ['cnaf_quotient_familial', 'family_name'] }} issues={[{ pointer: '/scopes/1', message: 'Uniquement avec FranceConnect.' }, { pointer: '/scopes', message: 'Choisissez.' }]} context={{ scopes: { groups: particulier.meta.scopes } }} />,
    );
    assert.equal(text(outerHtml(html, byId(html, 'root_scopes-family_name__error'))), 'Uniquement avec FranceConnect.');
    assert.equal(box(html, 'family_name').attrs['aria-describedby'], 'root_scopes-family_name__error');
    assert.equal(text(outerHtml(html, byId(html, 'root_scopes__error'))), 'Choisissez.');
  });

  describe('ticking', () => {
    const groups = particulier.meta.scopes;
    function field(formData: string[], context: DsfrFormContext = { scopes: { groups } }) {
      const changes: [unknown, FieldPathList][] = [];
      const props = {
        schema: schema.properties!.scopes as RJSFSchema,
        uiSchema: {},
        formData,
        name: 'scopes',
        fieldPathId: { $id: 'root_scopes', path: ['scopes'] },
        registry: { formContext: context, rootSchema: schema },
        onChange: (value: unknown, path: FieldPathList) => changes.push([value, path]),
      } as unknown as FieldProps<any, RJSFSchema, DsfrFormContext>;
      const boxes = findElements(ScopesField(props), (e) => e.type === ScopeCheckbox);
      const toggle = (value: string, checked: boolean) => {
        const found = boxes.find((b) => (b.props.view as { scope: { value: string } }).scope.value === value)!;
        (found.props.onToggle as (v: string, c: boolean) => void)(value, checked);
        return changes.at(-1)!;
      };
      return { toggle };
    }

    it('sets the list of values in the order of definition.yaml, at the field path', () => {
      const { toggle } = field(['revenu_solidarite_active']);
      assert.deepEqual(toggle('cnaf_quotient_familial', true), [['cnaf_quotient_familial', 'revenu_solidarite_active'], ['scopes']]);
      assert.deepEqual(toggle('revenu_solidarite_active', false), [[], ['scopes']]);
    });

    it('keeps the included scopes and the values it does not know', () => {
      const withIncluded: ScopeGroup[] = [{ group: 'G', items: [{ value: 'a', label: 'A', included: true }, { value: 'b', label: 'B' }] }];
      const { toggle } = field(['zzz'], { scopes: { groups: withIncluded } });
      assert.deepEqual(toggle('b', true)[0], ['a', 'b', 'zzz']);
    });
  });
});
