import type { AppContext } from '../../AppContext.js';
import { findOrganization } from '../../db/repositories/organizations.js';
import { transfersOf } from '../../db/repositories/transfers.js';
import { findUser } from '../../db/repositories/users.js';
import { displayName } from './pageContext.js';

/** For each transfer event of a request, by event id, who it moved the request from and to, in French. */
export async function transferDetails(ctx: AppContext, requestId: number): Promise<Map<number, string>> {
  const transfers = await transfersOf(ctx.reads, requestId);
  const details = new Map<number, string>();
  const person = async (userId: number, organizationId: number) => {
    const [user, organization] = await Promise.all([findUser(ctx.reads, userId), findOrganization(ctx.reads, organizationId)]);
    const where = organization ? `${organization.name}, SIRET ${organization.siret}` : `organisation ${organizationId}`;
    return `${user ? displayName(user) : `utilisateur ${userId}`} (${where})`;
  };
  for (const [eventId, t] of transfers) {
    details.set(eventId, `Transférée de ${await person(t.fromUserId, t.fromOrganizationId)} à ${await person(t.toUserId, t.toOrganizationId)}`);
  }
  return details;
}
