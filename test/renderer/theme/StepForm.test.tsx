import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { renderToString } from 'react-dom/server';
import type { RJSFSchema } from '@rjsf/utils';
import { formSchema } from '../../../engine/index.js';
import { StepForm } from '../../../renderer/theme/index.js';
import { definition } from './support/definitions.js';
import { byId, ids, tags, text } from './support/htmlTags.js';

const particulier = definition('api-particulier');
const schema = formSchema(particulier) as RJSFSchema;
const valid = particulier.examples.find((e) => e.name === 'valid-libre-params')!;

describe('DSFR theme: StepForm', () => {
  it('renders one step of the whole form, with the ids rjsf gives its fields (root_<step>_<field>)', () => {
    const html = renderToString(<StepForm schema={schema} uiSchema={particulier.uiSchema} stepId="personal_data" data={valid.data} context={{}} formId="formulaire-etape" />);
    assert.equal(tags(html)[0]!.name, 'form');
    assert.equal(tags(html)[0]!.attrs.id, 'formulaire-etape');
    assert.ok('novalidate' in tags(html)[0]!.attrs);
    assert.ok(ids(html).filter((id) => id.startsWith('root_')).every((id) => id.startsWith('root_personal_data')));
    assert.equal(byId(html, 'root_personal_data_duree_conservation_donnees_caractere_personnel').attrs.value, '24');
    assert.match(text(html), /En mois\. Au-delà de 36 mois, une justification est demandée\./, 'the ui.json of the step applies');
  });

  it('shows the fields of the branch the data selects (a justification past 36 months)', () => {
    const data = { personal_data: { destinataire_donnees_caractere_personnel: 'Agents', duree_conservation_donnees_caractere_personnel: 48 } };
    const html = renderToString(<StepForm schema={schema} uiSchema={particulier.uiSchema} stepId="personal_data" data={data} context={{}} />);
    assert.equal(byId(html, 'root_personal_data_duree_conservation_donnees_caractere_personnel_justification').name, 'textarea');
  });

  it('reports no change while rendering: the defaults rjsf fills in are not the applicant\'s doing', () => {
    let calls = 0;
    const html = renderToString(<StepForm schema={schema} uiSchema={particulier.uiSchema} stepId="contacts" data={{}} context={{}} onChange={() => calls++} />);
    assert.equal(calls, 0);
    assert.ok('checked' in byId(html, 'root_contacts_contact_metier_type-0').attrs, 'the default is shown');
  });

  it('can show a step read-only', () => {
    const html = renderToString(<StepForm schema={schema} uiSchema={particulier.uiSchema} stepId="basic_infos" data={valid.data} context={{}} readonly />);
    assert.ok('readonly' in byId(html, 'root_basic_infos_intitule').attrs);
    assert.ok('readonly' in byId(html, 'root_basic_infos_description').attrs);
  });

  it('draws the scopes from the schema when the page gives no groups', () => {
    const html = renderToString(<StepForm schema={schema} uiSchema={particulier.uiSchema} stepId="scopes" data={{ scopes: ['cnaf_enfants'] }} context={{}} />);
    assert.ok('checked' in byId(html, 'root_scopes-cnaf_enfants').attrs);
    assert.match(text(html), /Identités enfants/, 'labels from x-enum-labels');
  });
});
