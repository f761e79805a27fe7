import type { AppContext } from '../AppContext.js';
import { addMembership, findOrganizationBySiret, organizationFacts, upsertOrganization } from '../db/repositories/organizations.js';
import { upsertOidcUser } from '../db/repositories/users.js';
import { checkSiret, type EstablishmentDirectory } from '../organizations/index.js';
import { OidcLoginRefusedError, type OidcClaims, type OidcHooks } from './oidc/index.js';

/**
 * What a ProConnect sign-in does here: the user is found or created from the claims, and the organisation of
 * the `siret` claim (the identity provider vouches for it) is looked up in the Sirene registry, stored, and
 * becomes the one the user acts for. When the registry is unreachable, a known organisation is used as stored.
 */
export function oidcLoginHooks(ctx: AppContext, directory: EstablishmentDirectory): OidcHooks {
  return {
    async onLogin(claims: OidcClaims) {
      if (!claims.email) throw new OidcLoginRefusedError('Votre compte ne fournit pas d’adresse e-mail : la plateforme en a besoin pour vous écrire. Contactez votre fournisseur d’identité.');
      const now = ctx.clock.now();
      const userId = await upsertOidcUser(
        ctx.db,
        {
          oidcSub: claims.sub,
          email: claims.email,
          ...(claims.given_name ? { givenName: claims.given_name } : {}),
          ...((claims.usual_name ?? claims.family_name) ? { familyName: (claims.usual_name ?? claims.family_name)! } : {}),
          ...(claims.phone_number ? { phoneNumber: claims.phone_number } : {}),
        },
        now,
      );
      if (userId === undefined) {
        throw new OidcLoginRefusedError(`L’adresse ${claims.email} est déjà liée à un autre compte de connexion. Contactez le support de la plateforme.`);
      }
      let organizationId: number | undefined;
      const siret = checkSiret(claims.siret);
      if (claims.siret !== undefined && siret.ok) {
        const answer = await directory.lookup(siret.siret);
        if (answer.kind === 'found') {
          organizationId = await upsertOrganization(ctx.db, organizationFacts(answer.establishment), now);
        } else {
          organizationId = (await findOrganizationBySiret(ctx.db, siret.siret))?.id;
          ctx.log.warn({ siret: siret.siret, answer: answer.kind, ...(answer.kind === 'unavailable' ? { reason: answer.reason } : {}) }, 'sign-in: organisation not refreshed from Sirene');
        }
        if (organizationId !== undefined) await addMembership(ctx.db, userId, organizationId, now);
      }
      return { userId: String(userId), ...(organizationId !== undefined ? { organizationId: String(organizationId) } : {}) };
    },
    log: (level, message, details) => ctx.log[level](details ?? {}, message),
  };
}
