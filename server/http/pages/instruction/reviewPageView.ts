import { allowedEvents, formSchema, titleAt, type Definition } from '../../../../engine/index.js';
import type { ReviewPageProps } from '../../../../renderer/pages/instruction/ReviewPage.js';
import { answerText, summarizeStep } from '../../../../renderer/summary/summarizeStep.js';
import type { AppContext, Caller } from '../../../AppContext.js';
import { rolesOnRequest } from '../../../access/requestAccess.js';
import { producesConvention } from '../../../conventions/producesConvention.js';
import { authorizationsOf } from '../../../db/repositories/authorizations.js';
import { conventionsOfRequest } from '../../../db/repositories/conventions.js';
import { diffsOf, eventsOf } from '../../../db/repositories/events.js';
import { messagesOf } from '../../../db/repositories/messages.js';
import { templatesOf } from '../../../db/repositories/messageTemplates.js';
import { findOrganization } from '../../../db/repositories/organizations.js';
import type { StoredRequest } from '../../../db/repositories/requests.js';
import { findUser, type User } from '../../../db/repositories/users.js';
import { actorOf, requestSnapshot } from '../../../lifecycle/requestSnapshot.js';
import { displayName } from '../pageContext.js';
import { requestHeadView } from '../requestHeadView.js';
import { visibleSteps } from '../visibleSteps.js';
import { TEXT_LIMITS } from '../../textLimits.js';
import { displayedText } from '../displayedText.js';
import { storedConventionView } from '../conventions/storedConventionView.js';
import { transferDetails } from '../transferDetails.js';

/** The applicant's own events are on their form and summary; an instructor never fires them. */
const APPLICANT_ONLY = new Set(['update', 'submit']);

/** Everything the review page shows of a request, for an instructor, reporter, manager or admin. */
export async function reviewPageView(ctx: AppContext, caller: Caller, definition: Definition, row: StoredRequest): Promise<Omit<ReviewPageProps, 'page' | 'notice'>> {
  const [snapshot, events, diffs, messages, organization, applicant, templates, authorizations, conventions] = await Promise.all([
    requestSnapshot(ctx.reads, row),
    eventsOf(ctx.reads, row.id),
    diffsOf(ctx.reads, row.id),
    messagesOf(ctx.reads, row.id),
    findOrganization(ctx.reads, row.organizationId),
    findUser(ctx.reads, row.applicantId),
    templatesOf(ctx.reads, [definition.id]),
    authorizationsOf(ctx.reads, row.id),
    conventionsOfRequest(ctx.reads, row.id),
  ]);
  const transfers = await transferDetails(ctx, row.id);
  const people = new Map<number, User | undefined>();
  for (const id of new Set([...events.map((e) => e.actorId), ...messages.map((m) => m.authorId)])) if (id !== undefined) people.set(id, await findUser(ctx.reads, id));
  const nameOf = (id: number | undefined) => (id === undefined ? 'DataPass' : people.get(id) ? displayName(people.get(id)!) : `utilisateur ${id}`);
  const schema = formSchema(definition);
  const latest = diffs[diffs.length - 1];
  const roles = rolesOnRequest(caller, definition, row.organizationId);
  const actions = allowedEvents(definition, snapshot, actorOf(caller), ctx.clock.now()).filter((e) => !APPLICANT_ONLY.has(e.event));
  const segments = (pointer: string) => pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  return {
    request: { ...requestHeadView(definition, row), submittedAt: row.lastSubmittedAt },
    organization: { name: organization?.name ?? `organisation ${row.organizationId}`, siret: organization?.siret ?? '' },
    applicant: { name: applicant ? displayName(applicant) : 'inconnu', email: applicant?.email ?? '' },
    changes:
      latest && !latest.first
        ? latest.changes
            .filter((c) => !c.pointer.startsWith('/terms'))
            .map((c) => {
              const path = segments(c.pointer);
              const step = definition.steps.find((s) => s.id === path[0]);
              const label = [step?.title, path.length > 1 ? (titleAt(schema, path) ?? path[path.length - 1]) : undefined].filter(Boolean).join(' › ');
              return { pointer: c.pointer, label: label || c.pointer, before: answerText(schema, path, c.before), after: answerText(schema, path, c.after) };
            })
        : undefined,
    blocks: visibleSteps(definition, row.useCaseId).map((s) => ({ id: s.id, title: s.title, section: summarizeStep(schema, definition.uiSchema, s.id, s.title, row.data) })),
    timeline: [...events].reverse().map((e) => ({ label: definition.workflow.events[e.event]?.label ?? e.event, actor: e.actorKind === 'system' ? 'DataPass' : nameOf(e.actorId), at: e.createdAt, reason: e.reason === undefined ? undefined : displayedText(e.reason), detail: transfers.get(e.id) })),
    messages: messages.map((m) => ({ author: nameOf(m.authorId), fromInstructor: m.fromInstructor, body: displayedText(m.body), at: m.createdAt })),
    messaging: definition.meta.features.messaging,
    canWriteMessages: roles.has('instructor') || roles.has('admin'),
    messageMaxLength: TEXT_LIMITS.message,
    actions: actions.map((e) => ({ event: e.event, label: e.label, reason: e.reason, reasonMaxLength: e.reasonMaxLength, templates: templates.filter((t) => t.event === e.event).map((t) => ({ id: t.id, title: t.title })) })),
    authorizations: authorizations.map((a) => ({ id: a.publicId, state: a.state, createdAt: a.createdAt, convention: storedConventionView(a, conventions) })),
    conventionPreview: producesConvention(definition) && !definition.workflow.states[row.state]?.final
      ? { htmlHref: `/instruction/demandes/${row.publicId}/convention?format=html`, pdfHref: `/instruction/demandes/${row.publicId}/convention?format=pdf` }
      : undefined,
  };
}
