/**
 * What a convention template can read besides `data` (the request's data, described by schema.json).
 * A string is a value; an object lists its keys; a one-element array describes the items of a list.
 * The server builds exactly this shape when it renders a convention.
 */
export type ContextShape = 'value' | { [key: string]: ContextShape } | [ContextShape];

export const CONVENTION_CONTEXT: { [root: string]: ContextShape } = {
  organization: { name: 'value', siret: 'value', address: 'value', legal_category: 'value', naf_code: 'value' },
  definition: {
    id: 'value', name: 'value', provider: 'value', provider_name: 'value', description: 'value', kind: 'value', support_email: 'value',
    links: { cgu: 'value', access: 'value', documentation: 'value', website: 'value' },
  },
  request: { id: 'value', public_id: 'value', created_at: 'value', last_submitted_at: 'value', use_case: { id: 'value', title: 'value' } },
  authorization: { id: 'value', public_id: 'value', created_at: 'value', state: 'value' },
  applicant: { email: 'value', given_name: 'value', family_name: 'value', job_title: 'value', phone_number: 'value' },
  /** The granted scopes, grouped as in definition.yaml. */
  granted_scopes: [{ group: 'value', items: [{ value: 'value', label: 'value' }] }],
  generated_at: 'value',
};
