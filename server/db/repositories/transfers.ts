import type { Db } from '../createDatabase.js';

/** One transfer of a request, beside its `transfer` event: the applicant and organisation before and after. */
export interface RequestTransfer {
  eventId: number;
  fromUserId: number;
  fromOrganizationId: number;
  toUserId: number;
  toOrganizationId: number;
}

export async function insertTransfer(db: Db, requestId: number, t: RequestTransfer): Promise<void> {
  await db('request_transfers').insert({
    request_id: requestId,
    event_id: t.eventId,
    from_user_id: t.fromUserId,
    from_organization_id: t.fromOrganizationId,
    to_user_id: t.toUserId,
    to_organization_id: t.toOrganizationId,
  });
}

/** A request's transfers by the id of their event, for its timeline. */
export async function transfersOf(db: Db, requestId: number): Promise<Map<number, RequestTransfer>> {
  const rows = await db('request_transfers').where({ request_id: requestId }).orderBy('id');
  return new Map(
    rows.map((r) => [
      Number(r.event_id),
      { eventId: Number(r.event_id), fromUserId: Number(r.from_user_id), fromOrganizationId: Number(r.from_organization_id), toUserId: Number(r.to_user_id), toOrganizationId: Number(r.to_organization_id) },
    ]),
  );
}
