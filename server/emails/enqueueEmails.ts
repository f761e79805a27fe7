import type { AppContext } from '../AppContext.js';
import type { Db } from '../db/createDatabase.js';
import { enqueue } from '../db/repositories/outbox.js';

export interface EmailEvent {
  requestId: number;
  eventId: number | undefined;
  definitionId: string;
  event: string;
  /** The roles the workflow's `notify` names. */
  roles: string[];
  template: string;
  at: string;
}

/** The workflow's `notify`, in the event's transaction: one outbox row per e-mail to send. */
export async function enqueueEmails(tx: Db, _ctx: AppContext, e: EmailEvent): Promise<void> {
  await enqueue(tx, { kind: 'email', requestId: e.requestId, eventId: e.eventId, payload: { event: e.event, roles: e.roles, template: e.template }, at: e.at });
}
