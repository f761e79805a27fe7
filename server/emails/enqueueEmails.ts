import type { Definition } from '../../engine/index.js';
import type { AppContext } from '../AppContext.js';
import type { Db } from '../db/createDatabase.js';
import { authorizationsOf } from '../db/repositories/authorizations.js';
import { eventsOf } from '../db/repositories/events.js';
import type { EmailTopic } from '../db/repositories/emails.js';
import { findOrganization } from '../db/repositories/organizations.js';
import { enqueue, type Notification } from '../db/repositories/outbox.js';
import { findRequest, type StoredRequest } from '../db/repositories/requests.js';
import { emailRecipients, type EmailRecipient } from './emailRecipients.js';
import { publicUrlOf } from './emailSettings.js';

export interface EmailEvent {
  requestId: number;
  eventId: number | undefined;
  definitionId: string;
  event: string;
  /** The roles the workflow's `notify` names. */
  roles: string[];
  template: string;
  at: string;
  /** Who caused it, when no event row says so (a message): they are not e-mailed about it. */
  actorId?: number | undefined;
}

/** The payload of an `email` row of the outbox. */
export interface EmailPayload {
  to: string;
  template: string;
  definitionId: string;
  /** Everything the text needs, captured when the event happened: the e-mail says what was true then. */
  locals: Record<string, unknown>;
}

/** The outbox channel of an address: the worker delivers a request's e-mails to one address in order. */
export const emailChannel = (address: string) => `email:${address.toLowerCase()}`;

/**
 * The workflow's `notify`, in the event's transaction: who is concerned is resolved now (roles and preferences as
 * they are at the event), and one outbox row is written per address, with the texts' locals.
 */
export async function enqueueEmails(tx: Db, ctx: AppContext, e: EmailEvent): Promise<void> {
  const definition = ctx.registry.definitions.get(e.definitionId);
  const request = await findRequest(tx, e.requestId);
  if (!definition || !request) throw new Error(`enqueueEmails: request ${e.requestId} of ${e.definitionId} not found in the transaction.`);
  const eventRow = e.eventId !== undefined ? (await eventsOf(tx, e.requestId)).find((row) => row.id === e.eventId) : undefined;
  const actorId = eventRow?.actorId ?? e.actorId;
  const topic: EmailTopic = e.event === 'message' ? 'messages' : 'requests';
  const recipients = await emailRecipients(tx, definition, request, { roles: e.roles, event: e.event, topic, actorId });
  if (!recipients.length) return;
  const common = await commonLocals(tx, definition, request, e, eventRow?.reason ?? null);
  const publicUrl = publicUrlOf(ctx);
  const rows = recipients.map((r): Notification => {
    const payload: EmailPayload = { to: r.email, template: e.template, definitionId: e.definitionId, locals: { ...common, ...recipientLocals(r, request, e.event, publicUrl) } };
    return { kind: 'email', requestId: e.requestId, eventId: e.eventId, payload: { ...payload }, at: e.at, channel: emailChannel(r.email) };
  });
  await enqueue(tx, ...rows);
}

async function commonLocals(tx: Db, definition: Definition, request: StoredRequest, e: EmailEvent, reason: string | null): Promise<Record<string, unknown>> {
  const organization = await findOrganization(tx, request.organizationId);
  const authorization = (await authorizationsOf(tx, request.id)).at(-1);
  const title = (request.data.basic_infos as { intitule?: unknown } | undefined)?.intitule;
  // Every local is present, null when it has no value: the templates are strict and test them with {{#if}}.
  return {
    event: e.event,
    eventLabel: e.event === 'message' ? 'Nouveau message' : (definition.workflow.events[e.event]?.label ?? e.event),
    state: request.state,
    stateLabel: definition.workflow.states[request.state]?.label ?? request.state,
    requestId: request.publicId,
    requestTitle: typeof title === 'string' && title.trim() ? title.trim() : null,
    definitionId: definition.id,
    definitionName: definition.meta.name,
    providerName: definition.meta.provider_name ?? definition.meta.provider,
    supportEmail: definition.meta.support_email,
    organizationName: organization?.name ?? '',
    organizationSiret: organization?.siret ?? '',
    reason,
    authorizationId: authorization?.publicId ?? null,
    at: e.at,
  };
}

function recipientLocals(r: EmailRecipient, request: StoredRequest, event: string, publicUrl: string): Record<string, unknown> {
  const link = r.audience === 'applicant' ? `${publicUrl}/demandes/${request.publicId}${event === 'message' ? '#titre-messages' : ''}` : r.audience === 'team' ? `${publicUrl}/instruction/demandes/${request.publicId}` : null;
  return {
    recipientName: r.name,
    forApplicant: r.audience === 'applicant',
    forTeam: r.audience === 'team',
    forContact: r.audience === 'contact',
    contactRole: r.contactRole,
    link,
    preferencesLink: r.audience === 'team' ? `${publicUrl}${EMAIL_PREFERENCES_PATH}` : null,
  };
}

/** Where provider-side users choose the e-mails they get. */
export const EMAIL_PREFERENCES_PATH = '/instruction/e-mails';
