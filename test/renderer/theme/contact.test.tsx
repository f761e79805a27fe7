import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { renderToString } from 'react-dom/server';
import type { FieldPathList, FieldProps, RJSFSchema } from '@rjsf/utils';
import { formSchema } from '../../../engine/index.js';
import { StepForm, type DsfrFormContext } from '../../../renderer/theme/index.js';
import { ContactField } from '../../../renderer/theme/fields/ContactField.js';
import { definition } from './support/definitions.js';
import { findElements } from './support/elementTree.js';
import { byClass, byId, hasClass, outerHtml, tags, text } from './support/htmlTags.js';
import { consoleErrors } from './support/renderForm.js';

const particulier = definition('api-particulier');
const schema = formSchema(particulier) as RJSFSchema;
const me = { given_name: 'Camille', family_name: 'Martin', email: 'camille.martin@clamart.fr', job_title: 'Cheffe de projet' };

function contacts(context: DsfrFormContext, data: Record<string, unknown> = {}) {
  const { result, errors } = consoleErrors(() => renderToString(<StepForm schema={schema} uiSchema={particulier.uiSchema} stepId="contacts" data={data} context={context} />));
  assert.deepEqual(errors, []);
  return result;
}

/** The card of a contact, by its field id. */
function card(html: string, id: string): string {
  const fieldset = byId(html, id);
  const cardTag = byClass(html, 'dsfr-contact-card').filter((c) => c.index < fieldset.index).at(-1)!;
  return outerHtml(html, cardTag);
}

describe('DSFR theme: contact card', () => {
  it('draws each contact as a card: legend = title and description, « C\'est moi », then its fields', () => {
    const html = contacts({ me });
    assert.equal(byClass(html, 'dsfr-contact-card').length, 3);
    const metier = card(html, 'root_contacts_contact_metier');
    assert.ok(byClass(metier, 'fr-card').length === 1);
    const legend = outerHtml(metier, byId(metier, 'root_contacts_contact_metier__legend'));
    assert.match(text(legend), /^Contact métier \* La personne qui connaît le mieux la démarche/);
    const button = tags(metier).find((t) => t.name === 'button')!;
    assert.equal(button.attrs.type, 'button');
    for (const c of ['fr-btn', 'fr-btn--secondary', 'fr-btn--sm']) assert.ok(hasClass(button, c));
    assert.match(text(outerHtml(metier, button)), /^C'est moi/);
    for (const f of ['type-0', 'family_name', 'given_name', 'job_title', 'email', 'phone_number']) byId(metier, `root_contacts_contact_metier_${f}`);
    assert.ok(button.index < byId(metier, 'root_contacts_contact_metier_email').index);
    assert.equal(byId(html, 'root_contacts_contact_metier_type-0').attrs.checked, '', 'a contact is a person by default');
  });

  it('has no « C\'est moi » without formContext.me, nor when the contact is locked', () => {
    assert.doesNotMatch(contacts({}), /C&#x27;est moi/);
    const locked = contacts({ me, locked: ['/contacts/contact_technique'] });
    assert.doesNotMatch(card(locked, 'root_contacts_contact_technique'), /C&#x27;est moi/);
    assert.match(card(locked, 'root_contacts_contact_metier'), /C&#x27;est moi/);
    assert.ok('readonly' in byId(locked, 'root_contacts_contact_technique_email').attrs);
    assert.match(text(card(locked, 'root_contacts_contact_technique')), /non modifiable/);
  });

  it('keeps the card for a contact that is an organisation (its names are in the else branch)', () => {
    const html = contacts({ me }, { contacts: { contact_technique: { type: 'organization', email: 'support@exemple.fr', phone_number: '0102030405' } } });
    const technique = card(html, 'root_contacts_contact_technique');
    assert.match(technique, /C&#x27;est moi/);
    assert.equal(tags(technique).filter((t) => t.attrs.id === 'root_contacts_contact_technique_given_name').length, 0);
  });

  it('« C\'est moi » fills the contact from formContext.me and makes it a person', () => {
    const changes: [unknown, FieldPathList][] = [];
    const contactSchema = { $ref: '#/definitions/shared__contact/definitions/contact' } as RJSFSchema;
    const props = {
      schema: contactSchema,
      uiSchema: {},
      formData: { type: 'organization', email: 'old@exemple.fr', phone_number: '0102030405' },
      name: 'contact_technique',
      fieldPathId: { $id: 'root_contacts_contact_technique', path: ['contacts', 'contact_technique'] },
      registry: { formContext: { me }, rootSchema: schema },
      onChange: (value: unknown, path: FieldPathList) => changes.push([value, path]),
    } as unknown as FieldProps<any, RJSFSchema, DsfrFormContext>;
    const [button] = findElements(ContactField(props), (e) => e.type === 'button');
    (button!.props.onClick as () => void)();
    assert.deepEqual(changes, [
      [{ type: 'person', given_name: 'Camille', family_name: 'Martin', email: 'camille.martin@clamart.fr', job_title: 'Cheffe de projet', phone_number: '0102030405' }, ['contacts', 'contact_technique']],
    ]);
  });
});
