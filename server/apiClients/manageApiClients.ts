import { actorRoles, type Definition, type Registry } from '../../engine/index.js';
import type { AppContext, Caller } from '../AppContext.js';
import { insertApiClient, type StoredApiClient } from '../db/repositories/apiClients.js';
import { findApiClient } from '../db/repositories/apiClients.js';
import { hashSecret, newClientId, newClientSecret } from './credentials.js';

/** The definitions whose API clients `caller` manages: those where they are developer, every one for an admin. */
export function developedDefinitions(caller: Caller, registry: Registry): Definition[] {
  const actor = { kind: 'user' as const, id: String(caller.userId), roles: caller.roles };
  return [...registry.definitions.values()]
    .filter((d) => {
      const roles = actorRoles(d, null, actor);
      return roles.has('developer') || roles.has('admin');
    })
    .sort((a, b) => a.meta.name.localeCompare(b.meta.name, 'fr'));
}

/** A new client of `definitionId`, with its secret: the only time the secret is known. */
export async function createApiClient(ctx: AppContext, caller: Caller, definitionId: string, name: string): Promise<{ client: StoredApiClient; secret: string }> {
  const secret = newClientSecret();
  const id = await insertApiClient(ctx.db, { definitionId, name, clientId: newClientId(), secretHash: hashSecret(secret), createdBy: caller.userId, createdAt: ctx.clock.now().toISOString() });
  const client = (await findApiClient(ctx.db, id))!;
  ctx.log.info({ userId: caller.userId, definitionId, clientId: client.clientId }, 'API client created');
  return { client, secret };
}
