import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { renderToString } from 'react-dom/server';
import type { RJSFSchema } from '@rjsf/utils';
import { formSchema } from '../../../engine/index.js';
import { StepForm } from '../../../renderer/theme/index.js';
import { DescriptionField } from '../../../renderer/theme/templates/DescriptionField.js';
import { TitleField } from '../../../renderer/theme/templates/TitleField.js';
import { definition } from './support/definitions.js';
import { byClass, byId, hasClass, ids, outerHtml, tags, text } from './support/htmlTags.js';
import { consoleErrors, oneField, renderForm } from './support/renderForm.js';

const particulier = definition('api-particulier');
const schema = formSchema(particulier) as RJSFSchema;
const valid = particulier.examples.find((e) => e.name === 'valid-libre-params')!;

function step(stepId: string, options: { issues?: { pointer: string; message: string }[]; locked?: string[]; data?: Record<string, unknown> } = {}) {
  const { result, errors } = consoleErrors(() =>
    renderToString(<StepForm schema={schema} uiSchema={particulier.uiSchema} stepId={stepId} data={options.data ?? valid.data} issues={options.issues} context={{ locked: options.locked ?? [] }} />),
  );
  assert.deepEqual(errors, []);
  return result;
}

/** The error summary's links: their text and the id they point at. */
function summaryLinks(html: string) {
  const summary = byClass(html, 'fr-alert--error')[0];
  assert.ok(summary, 'an error summary');
  return tags(outerHtml(html, summary)).filter((t) => t.name === 'a').map((a) => ({ href: a.attrs.href!, target: a.attrs.href!.slice(1) }));
}

describe('DSFR theme: templates', () => {
  describe('ObjectFieldTemplate', () => {
    it('renders the root and the step without a legend, the step with its id and description', () => {
      const html = step('basic_infos');
      assert.equal(tags(html).filter((t) => t.name === 'legend').length, 0);
      assert.ok(hasClass(byId(html, 'root_basic_infos'), 'dsfr-step'));
      const eidas = definition('france-connect');
      const fc = renderToString(<StepForm schema={formSchema(eidas) as RJSFSchema} uiSchema={eidas.uiSchema} stepId="france_connect_eidas" data={{}} context={{}} />);
      assert.match(text(outerHtml(fc, byId(fc, 'root_france_connect_eidas__description'))), /^Le règlement européen eIDAS/);
    });

    it('renders deeper objects as a fr-fieldset whose legend is their title and description', () => {
      const html = renderForm(oneField({ type: 'object', title: 'Adresse', description: 'Où écrire.', properties: { ville: { type: 'string', title: 'Ville' } } }));
      const fieldset = byId(html, 'root_step_field');
      assert.equal(fieldset.name, 'fieldset');
      assert.ok(hasClass(fieldset, 'fr-fieldset'));
      const legend = byId(html, 'root_step_field__legend');
      assert.ok(hasClass(legend, 'fr-fieldset__legend'));
      assert.equal(text(outerHtml(html, legend)), 'Adresse Où écrire.');
      assert.equal(byClass(html, 'fr-fieldset__element').length, 1);
    });

    it('draws no choice between the branches of an anyOf that only adds rules (a link or a PDF)', () => {
      const html = step('legal');
      assert.equal(tags(html).filter((t) => t.name === 'select').length, 0);
      for (const id of ['root_legal_cadre_juridique_nature', 'root_legal_cadre_juridique_url', 'root_legal_cadre_juridique_document']) byId(html, id);
    });
  });

  it('ArrayFieldTemplate: a plain list is a fieldset of items with French buttons', () => {
    const html = renderForm(oneField({ type: 'array', title: 'Sites', items: { type: 'string', title: 'Adresse du site' } }), { formData: { step: { field: ['a.fr', 'b.fr'] } } });
    const fieldset = byId(html, 'root_step_field');
    assert.equal(fieldset.name, 'fieldset');
    assert.equal(text(outerHtml(html, byId(html, 'root_step_field__legend'))), 'Sites');
    assert.equal(byId(html, 'root_step_field_0').attrs.value, 'a.fr');
    assert.equal(byId(html, 'root_step_field_1').attrs.value, 'b.fr');
    const buttons = tags(html).filter((t) => t.name === 'button');
    assert.ok(buttons.every((b) => b.attrs.type === 'button' && hasClass(b, 'fr-btn')));
    assert.match(text(html), /Retirer/);
    assert.match(text(outerHtml(html, byId(html, 'root_step_field__add'))), /^Ajouter un élément$/);
  });

  it('the submit button renders nothing: the page brings its own buttons', () => {
    const html = renderForm(oneField({ type: 'string', title: 'Nom' }));
    assert.equal(tags(html).filter((t) => t.name === 'button' || t.attrs.type === 'submit').length, 0);
    const withChildren = renderToString(<StepForm schema={schema} uiSchema={particulier.uiSchema} stepId="basic_infos" data={{}} context={{}}><button type="button">Suivant</button></StepForm>);
    assert.match(withChildren, /<button type="button">Suivant<\/button><\/form>$/);
  });

  it('TitleField and DescriptionField render DSFR text', () => {
    const registry = {} as never;
    const title = renderToString(<TitleField id="t" title="Titre" required schema={{}} registry={registry} />);
    assert.equal(text(title), 'Titre *');
    assert.equal(byId(title, 't').name, 'p');
    const description = renderToString(<DescriptionField id="d" description="Aide" schema={{}} registry={registry} />);
    assert.ok(hasClass(byId(description, 'd'), 'fr-hint-text'));
    assert.equal(renderToString(<DescriptionField id="d" description="" schema={{}} registry={registry} />), '');
  });

  it('a hidden field is rendered without label', () => {
    const html = renderForm(oneField({ type: 'string', title: 'Secret' }), { uiSchema: { step: { field: { 'ui:widget': 'hidden' } } }, formData: { step: { field: 'x' } } });
    assert.equal(byId(html, 'root_step_field').attrs.type, 'hidden');
    assert.equal(tags(html).filter((t) => t.name === 'label').length, 0);
  });

  describe('ErrorListTemplate and the errors of the server', () => {
    const issues = [
      { pointer: '/personal_data/destinataire_donnees_caractere_personnel', message: '« Destinataires des données » est obligatoire.' },
      { pointer: '/personal_data/duree_conservation_donnees_caractere_personnel_justification', message: '« Justification de la durée de conservation » est obligatoire.' },
      { pointer: '/personal_data', message: 'Le bloc est incomplet.' },
      { pointer: '/contacts/contact_metier/email', message: 'Adresse invalide.' },
      { pointer: '', message: 'Toute la demande.' },
    ];
    const data = { ...valid.data, personal_data: { duree_conservation_donnees_caractere_personnel: 48 } };

    it('lists every issue of the step at the top, on the first (server) render, each linking to its field', () => {
      const html = step('personal_data', { issues, data });
      const summary = byClass(html, 'fr-alert--error')[0]!;
      assert.equal(summary.attrs.role, 'alert');
      assert.ok(summary.index < byId(html, 'root_personal_data').index, 'at the top');
      assert.equal(text(outerHtml(html, byClass(html, 'fr-alert__title')[0]!)), 'Le formulaire contient 3 erreurs');
      const links = summaryLinks(html);
      // rjsf lists an object's own errors before its fields' ones.
      assert.deepEqual(links.map((l) => l.href), [
        '#root_personal_data',
        '#root_personal_data_destinataire_donnees_caractere_personnel',
        '#root_personal_data_duree_conservation_donnees_caractere_personnel_justification',
      ]);
      for (const link of links) byId(html, link.target);
      assert.match(text(outerHtml(html, summary)), /Destinataires des données : « Destinataires des données » est obligatoire\./);
      assert.match(text(outerHtml(html, summary)), /Justification de la durée de conservation : « Justification/, 'a field of a then branch is named too');
      assert.match(text(outerHtml(html, summary)), /Données personnelles : Le bloc est incomplet\./);
      assert.doesNotMatch(html, /Toute la demande|Adresse invalide/, "other steps' issues are not this step's");
    });

    it('shows each issue next to its field too, named by the control', () => {
      const html = step('personal_data', { issues, data });
      const id = 'root_personal_data_destinataire_donnees_caractere_personnel';
      assert.equal(text(outerHtml(html, byId(html, `${id}__error`))), '« Destinataires des données » est obligatoire.');
      assert.equal(byId(html, id).attrs['aria-describedby'], `${id}__error`);
      assert.equal(text(outerHtml(html, byId(html, 'root_personal_data__error'))), 'Le bloc est incomplet.');
    });

    it('links the errors inside documents and scopes to the field itself, and says « 1 erreur »', () => {
      const legal = step('legal', { issues: [{ pointer: '/legal/cadre_juridique_document/0/size', message: '« Taille » ne doit pas dépasser 10 Mo.' }] });
      assert.deepEqual(summaryLinks(legal).map((l) => l.href), ['#root_legal_cadre_juridique_document']);
      assert.equal(byId(legal, 'root_legal_cadre_juridique_document').attrs.type, 'file');
      assert.equal(text(outerHtml(legal, byClass(legal, 'fr-alert__title')[0]!)), 'Le formulaire contient 1 erreur');
      const scopes = step('scopes', { issues: [{ pointer: '/scopes/1', message: 'Donnée non proposée.' }] });
      assert.deepEqual(summaryLinks(scopes).map((l) => l.href), ['#root_scopes']);
      assert.match(text(outerHtml(scopes, byClass(scopes, 'fr-alert')[0]!)), /Données demandées : Donnée non proposée\./);
    });

    it('lists an error of the whole form without a link', () => {
      const html = renderForm(oneField({ type: 'string', title: 'Nom' }), { extraErrors: { __errors: ['Toute la demande.'] } });
      assert.equal(summaryLinks(html).length, 0);
      assert.match(text(html), /Le formulaire contient 1 erreur Toute la demande\./);
    });

    it('has no summary without issues, and no duplicate ids', () => {
      for (const s of particulier.steps) {
        const html = step(s.id);
        assert.equal(byClass(html, 'fr-alert').length, 0);
        const all = ids(html);
        assert.deepEqual(all.filter((id, i) => all.indexOf(id) !== i), [], `${s.id}: duplicate ids`);
      }
    });
  });

  describe('locked fields', () => {
    it('are read-only with the lock icon and the notice in their label', () => {
      const html = step('legal', { locked: ['/legal/cadre_juridique_nature'] });
      const nature = byId(html, 'root_legal_cadre_juridique_nature');
      assert.ok('readonly' in nature.attrs);
      const label = outerHtml(html, tags(html).find((t) => t.name === 'label' && t.attrs.for === nature.attrs.id)!);
      assert.equal(byClass(label, 'fr-icon-lock-line').length, 1);
      assert.match(text(label), /Prérempli pour ce cas d'usage, non modifiable$/);
      assert.ok(!('readonly' in byId(html, 'root_legal_cadre_juridique_url').attrs), 'only the locked field');
    });

    it('disable locked checkboxes, and lock every field of a locked step', () => {
      const modalities = step('modalities', { locked: ['/modalities/modalities'] });
      for (const box of tags(modalities).filter((t) => t.attrs.type === 'checkbox')) assert.ok('disabled' in box.attrs);
      assert.match(text(outerHtml(modalities, byId(modalities, 'root_modalities_modalities__legend'))), /non modifiable/);
      const legal = step('legal', { locked: ['/legal'] });
      assert.ok('readonly' in byId(legal, 'root_legal_cadre_juridique_nature').attrs);
      assert.ok('readonly' in byId(legal, 'root_legal_cadre_juridique_url').attrs);
      assert.ok('disabled' in byId(legal, 'root_legal_cadre_juridique_document').attrs);
      assert.equal(byClass(legal, 'fr-icon-lock-line').length, 1, 'the step says it once');
    });
  });
});
