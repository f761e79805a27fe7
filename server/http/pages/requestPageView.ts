import { allowedEvents, type Definition } from '../../../engine/index.js';
import type { RequestPageProps } from '../../../renderer/pages/RequestPage.js';
import type { AppContext, Caller } from '../../AppContext.js';
import { authorizationsOf } from '../../db/repositories/authorizations.js';
import { conventionsOfRequest } from '../../db/repositories/conventions.js';
import { storedConventionView } from './conventions/storedConventionView.js';
import { eventsOf } from '../../db/repositories/events.js';
import { messagesOf } from '../../db/repositories/messages.js';
import type { StoredRequest } from '../../db/repositories/requests.js';
import { findUser } from '../../db/repositories/users.js';
import { actorOf, requestSnapshot } from '../../lifecycle/requestSnapshot.js';
import { stepUrl } from '../../../renderer/client/StepIslandProps.js';
import { displayName } from './pageContext.js';
import { requestHeadView } from './requestHeadView.js';
import { displayedText } from './displayedText.js';
import { TEXT_LIMITS } from '../textLimits.js';
import { visibleSteps } from './visibleSteps.js';

/** Events a request page offers as buttons: the form and the summary already carry update and submit. */
const ELSEWHERE = new Set(['update', 'submit', 'transfer']);
const REASONED_STATES: Record<string, string> = { changes_requested: 'Modifications demandées par l’équipe d’instruction', refused: 'Motif du refus' };

/** The request page's content: state, the instructor's reason, authorizations and their access, timeline, messages, actions. */
export async function requestPageView(ctx: AppContext, caller: Caller, definition: Definition, row: StoredRequest): Promise<Omit<RequestPageProps, 'page' | 'notice'>> {
  const [snapshot, events, messages, authorizations, applicant, conventions] = await Promise.all([
    requestSnapshot(ctx.reads, row),
    eventsOf(ctx.reads, row.id),
    messagesOf(ctx.reads, row.id),
    authorizationsOf(ctx.reads, row.id),
    findUser(ctx.reads, row.applicantId),
    conventionsOfRequest(ctx.reads, row.id),
  ]);
  const allowed = allowedEvents(definition, snapshot, actorOf(caller), ctx.clock.now());
  const applicantName = applicant ? displayName(applicant) : 'le demandeur';
  // Instructors are named as a team: the applicant deals with the provider, not with an agent's name.
  const who = (actorId: number | undefined, kind: string) => (kind === 'system' ? 'DataPass' : actorId === row.applicantId ? applicantName : actorId === caller.userId ? 'vous' : 'l’équipe d’instruction');
  const last = [...events].reverse().find((e) => e.toState === row.state && e.reason);
  const reasonLabel = REASONED_STATES[row.state];
  const firstStep = visibleSteps(definition, row.useCaseId)[0];
  const access = definition.meta.links.access;
  const accessUrl = (externalId: string | undefined) => (!access ? undefined : access.includes('%{external_provider_id}') ? (externalId ? access.replace('%{external_provider_id}', encodeURIComponent(externalId)) : undefined) : access);
  return {
    request: { ...requestHeadView(definition, row), createdAt: row.createdAt },
    editHref: allowed.some((e) => e.event === 'update') && firstStep ? stepUrl(row.publicId, firstStep.id) : undefined,
    instructorReason: reasonLabel && last?.reason ? { label: reasonLabel, text: displayedText(last.reason), at: last.createdAt } : undefined,
    authorizations: authorizations.map((a) => ({ id: a.publicId, state: a.state, createdAt: a.createdAt, accessUrl: accessUrl(row.externalProviderId), accessPending: Boolean(access) && !accessUrl(row.externalProviderId), convention: storedConventionView(a, conventions) })),
    timeline: [...events].reverse().map((e) => ({ label: definition.workflow.events[e.event]?.label ?? e.event, actor: who(e.actorId, e.actorKind), at: e.createdAt, reason: e.reason === undefined ? undefined : displayedText(e.reason) })),
    messages: messages.map((m) => ({ author: m.fromInstructor ? 'Équipe d’instruction' : m.authorId === row.applicantId ? applicantName : 'Membre de l’organisation', fromInstructor: m.fromInstructor, body: displayedText(m.body), at: m.createdAt })),
    messaging: definition.meta.features.messaging,
    actions: allowed.filter((e) => !ELSEWHERE.has(e.event)).map((e) => ({ event: e.event, label: e.label, reason: e.reason, reasonMaxLength: e.reasonMaxLength })),
    messageMaxLength: TEXT_LIMITS.message,
  };
}
