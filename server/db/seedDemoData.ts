import type { AppContext, Caller } from '../AppContext.js';
import { createRequest, fireEvent } from '../lifecycle/fireEvent.js';
import { DEMO_SIRETS, type EstablishmentDirectory } from '../organizations/index.js';
import { addMembership, organizationFacts, upsertOrganization } from './repositories/organizations.js';
import { createUser } from './repositories/users.js';

/** The demo accounts listed on the demo sign-in page. */
export const DEMO_ACCOUNTS = [
  { key: 'applicant', phoneNumber: '01 46 62 35 35', email: 'camille.martin@clamart.fr', givenName: 'Camille', familyName: 'Martin', jobTitle: 'Chargée de mission numérique', roles: [], organizations: ['communeA', 'communeB'] },
  { key: 'otherApplicant', phoneNumber: '05 49 52 35 35', email: 'dominique.bernard@poitiers.fr', givenName: 'Dominique', familyName: 'Bernard', jobTitle: 'Responsable des systèmes d’information', roles: [], organizations: ['communeC'] },
  { key: 'dinumInstructor', phoneNumber: '01 71 21 01 70', email: 'ines.laurent@dinum.gouv.fr', givenName: 'Inès', familyName: 'Laurent', jobTitle: 'Instructrice', roles: ['dinum:*:instructor'], organizations: ['dinum'] },
  { key: 'dinumReporter', phoneNumber: '01 71 21 01 71', email: 'romain.petit@dinum.gouv.fr', givenName: 'Romain', familyName: 'Petit', jobTitle: 'Rapporteur', roles: ['dinum:*:reporter'], organizations: ['dinum'] },
  { key: 'dinumManager', phoneNumber: '01 71 21 01 72', email: 'gaelle.moreau@dinum.gouv.fr', givenName: 'Gaëlle', familyName: 'Moreau', jobTitle: 'Gestionnaire API Particulier', roles: ['dinum:api-particulier:manager'], organizations: ['dinum'] },
  { key: 'dinumDeveloper', phoneNumber: '01 71 21 01 73', email: 'dev.api@dinum.gouv.fr', givenName: 'Sacha', familyName: 'Dubois', jobTitle: 'Développeur', roles: ['dinum:*:developer'], organizations: ['dinum'] },
  { key: 'dgfipInstructor', phoneNumber: '01 53 18 00 00', email: 'denis.roussel@dgfip.finances.gouv.fr', givenName: 'Denis', familyName: 'Roussel', jobTitle: 'Instructeur', roles: ['dgfip:*:instructor'], organizations: ['dgfip'] },
  { key: 'dgfipReporter', phoneNumber: '01 53 18 00 01', email: 'claire.fontaine@dgfip.finances.gouv.fr', givenName: 'Claire', familyName: 'Fontaine', jobTitle: 'Rapporteure', roles: ['dgfip:*:reporter'], organizations: ['dgfip'] },
  { key: 'exempleInstructor', phoneNumber: '01 00 00 00 01', email: 'instructeur@exemple.gouv.fr', givenName: 'Alex', familyName: 'Exemple', jobTitle: 'Instructeur', roles: ['exemple:*:instructor'], organizations: [] },
  { key: 'exempleReporter', phoneNumber: '01 00 00 00 02', email: 'rapporteur@exemple.gouv.fr', givenName: 'Lou', familyName: 'Exemple', jobTitle: 'Rapporteur', roles: ['exemple:*:reporter'], organizations: [] },
  { key: 'admin', phoneNumber: '01 71 21 01 74', email: 'admin@datapass.gouv.fr', givenName: 'Alix', familyName: 'Admin', jobTitle: 'Administratrice de la plateforme', roles: ['admin'], organizations: [] },
] as const;

/**
 * On an empty database, the demo data of the embedded default: organisations from the offline Sirene
 * dataset, the demo accounts, and a few requests at different stages. Returns false when there were users.
 */
export async function seedDemoData(ctx: AppContext, directory: EstablishmentDirectory): Promise<boolean> {
  const [{ n }] = (await ctx.db('users').count({ n: '*' })) as [{ n: number | string }];
  if (Number(n) > 0) return false;
  const now = ctx.clock.now();
  const organizationIds: Partial<Record<keyof typeof DEMO_SIRETS, number>> = {};
  for (const [role, siret] of Object.entries(DEMO_SIRETS) as [keyof typeof DEMO_SIRETS, string][]) {
    const answer = await directory.lookup(siret);
    if (answer.kind !== 'found') continue;
    organizationIds[role] = await upsertOrganization(ctx.db, organizationFacts(answer.establishment), now);
  }
  const userIds: Record<string, number> = {};
  for (const account of DEMO_ACCOUNTS) {
    const id = await createUser(ctx.db, { email: account.email, givenName: account.givenName, familyName: account.familyName, phoneNumber: account.phoneNumber, jobTitle: account.jobTitle, roles: [...account.roles] }, now);
    userIds[account.key] = id;
    for (const org of account.organizations) if (organizationIds[org] !== undefined) await addMembership(ctx.db, id, organizationIds[org]!, now);
  }
  await seedRequests(ctx, userIds, organizationIds);
  return true;
}

/** A few requests, made through the same services as the HTTP API, from the definitions' own valid examples. */
async function seedRequests(ctx: AppContext, userIds: Record<string, number>, organizationIds: Partial<Record<string, number>>): Promise<void> {
  const applicant: Caller = { userId: userIds.applicant!, roles: [], organizationId: organizationIds.communeA };
  const instructor: Caller = { userId: userIds.dinumInstructor!, roles: ['dinum:*:instructor'] };
  const example = (definitionId: string, name: string) => {
    const found = ctx.registry.definitions.get(definitionId)?.examples.find((e) => e.name === name);
    return found ? { useCaseId: found.useCaseId, data: structuredClone(found.data) } : undefined;
  };
  const plans: { definitionId: string; example: string; events: string[] }[] = [
    { definitionId: 'api-particulier', example: 'valid-tarification-municipale-enfance', events: [] },
    { definitionId: 'api-entreprise', example: 'valid-marches-publics', events: ['submit'] },
    { definitionId: 'france-connect', example: 'valid-collectivite-administration', events: ['submit', 'approve'] },
    { definitionId: 'api-ficoba-sandbox', example: 'valid-libre', events: ['submit', 'approve'] },
  ];
  for (const plan of plans) {
    const source = example(plan.definitionId, plan.example);
    if (!source) continue;
    let request = await createRequest(ctx, applicant, { definitionId: plan.definitionId, useCaseId: source.useCaseId, data: source.data });
    for (const event of plan.events) {
      const actor = event === 'approve' ? (plan.definitionId.startsWith('api-ficoba') ? { userId: userIds.dgfipInstructor!, roles: ['dgfip:*:instructor'] } : instructor) : applicant;
      request = await fireEvent(ctx, actor, request.id, { type: event, version: request.version });
    }
  }
}
