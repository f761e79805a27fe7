import { actorRoles, type Definition } from '../../engine/index.js';
import type { Db } from '../db/createDatabase.js';
import { optedOutUsers, type EmailTopic } from '../db/repositories/emails.js';
import type { StoredRequest } from '../db/repositories/requests.js';
import { roleHolders } from '../db/repositories/roles.js';
import { findUser } from '../db/repositories/users.js';

/** Who an e-mail is for: it decides the wording and the link (the applicant's page, the instruction page, none). */
export type EmailAudience = 'applicant' | 'team' | 'contact';

export interface EmailRecipient {
  email: string;
  /** Their name, for the greeting; null for a contact given only by its address. */
  name: string | null;
  audience: EmailAudience;
  /** For a contact: what the request names them (« délégué à la protection des données »…). */
  contactRole: string | null;
}

/** The contacts of the request data told when the authorization is delivered, and how e-mails call them. */
const APPROVAL_CONTACTS: Record<string, string> = {
  responsable_traitement: 'responsable de traitement',
  delegue_protection_donnees: 'délégué·e à la protection des données',
};

const nameOf = (p: { givenName?: string | undefined; familyName?: string | undefined }) => [p.givenName, p.familyName].filter(Boolean).join(' ') || null;

/**
 * The people to e-mail about an event, one per address (case ignored), the first reason to write to them
 * winning: the applicant, then the holders of the notified provider roles on the definition (a role that
 * includes it counts, and so does the provider's `*`), less those who turned the topic off, then on approval
 * the data controller and the DPO named in the data. The person who caused the event is not told about it.
 * Platform admins are not e-mailed about every request of every definition: only provider roles count.
 */
export async function emailRecipients(
  db: Db,
  definition: Definition,
  request: StoredRequest,
  notice: { roles: readonly string[]; event: string; topic: EmailTopic; actorId?: number | undefined },
): Promise<EmailRecipient[]> {
  const found = new Map<string, EmailRecipient>();
  const add = (r: EmailRecipient) => {
    const key = r.email.trim().toLowerCase();
    if (!key) return;
    const known = found.get(key);
    if (!known) found.set(key, { ...r, email: r.email.trim() });
    else if (known.audience === 'contact' && r.audience === 'contact' && r.contactRole && !known.contactRole?.includes(r.contactRole)) {
      known.contactRole = `${known.contactRole} et ${r.contactRole}`;
    }
  };

  if (notice.roles.includes('applicant') && request.applicantId !== notice.actorId) {
    const applicant = await findUser(db, request.applicantId);
    if (applicant) add({ email: applicant.email, name: nameOf(applicant), audience: 'applicant', contactRole: null });
  }

  const providerRoles = notice.roles.filter((r) => r !== 'applicant' && r !== 'system' && r !== 'admin');
  if (providerRoles.length) {
    const byUser = new Map<number, { email: string; name: string | null; roles: string[] }>();
    for (const h of await roleHolders(db, definition.meta.provider)) {
      const user = byUser.get(h.userId) ?? { email: h.email, name: nameOf(h), roles: [] };
      user.roles.push(h.role);
      byUser.set(h.userId, user);
    }
    const concerned = [...byUser].filter(([id, u]) => id !== notice.actorId && providerRoles.some((role) => actorRoles(definition, null, { kind: 'user', id: String(id), roles: u.roles }).has(role)));
    const off = await optedOutUsers(db, concerned.map(([id]) => id), definition.id, notice.topic);
    for (const [id, u] of concerned) if (!off.has(id)) add({ email: u.email, name: u.name, audience: 'team', contactRole: null });
  }

  if (notice.event === 'approve') for (const c of approvalContacts(request.data)) add({ ...c, audience: 'contact' });
  return [...found.values()];
}

/** The data controller and DPO of the request data, wherever a step holds them (`contacts.delegue_protection_donnees`…). */
export function approvalContacts(data: Record<string, unknown>): { email: string; name: string | null; contactRole: string }[] {
  const contacts: { email: string; name: string | null; contactRole: string }[] = [];
  for (const step of Object.values(data)) {
    if (!step || typeof step !== 'object' || Array.isArray(step)) continue;
    for (const [key, label] of Object.entries(APPROVAL_CONTACTS)) {
      const contact = (step as Record<string, unknown>)[key] as { email?: unknown; given_name?: unknown; family_name?: unknown } | undefined;
      if (!contact || typeof contact.email !== 'string' || !contact.email.includes('@')) continue;
      const name = [contact.given_name, contact.family_name].filter((p): p is string => typeof p === 'string' && p.trim() !== '').join(' ') || null;
      contacts.push({ email: contact.email, name, contactRole: label });
    }
  }
  return contacts;
}
