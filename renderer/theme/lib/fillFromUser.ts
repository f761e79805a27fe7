import type { CurrentUser } from '../DsfrFormContext.js';

/**
 * A contact filled with the signed-in user's details, over what it already holds; `type: 'person'` when the
 * contact may also be an organisation's mailbox. Details the user lacks leave the contact's own in place.
 */
export function fillFromUser(contact: unknown, me: CurrentUser, hasType: boolean): Record<string, unknown> {
  const current = contact && typeof contact === 'object' && !Array.isArray(contact) ? (contact as Record<string, unknown>) : {};
  return {
    ...current,
    ...(hasType ? { type: 'person' } : {}),
    given_name: me.given_name,
    family_name: me.family_name,
    email: me.email,
    ...(me.phone_number ? { phone_number: me.phone_number } : {}),
    ...(me.job_title ? { job_title: me.job_title } : {}),
  };
}
