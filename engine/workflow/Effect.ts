/**
 * What the server must carry out after a transition, beyond saving the next request snapshot, in one
 * transaction. The table is the single list of effect types; `Effect` is derived from it.
 */
export const EFFECT_TYPES = {
  record_event: 'Log the event: who, when, from which state to which, with the reason.',
  store_submission_diff: 'Store what changed since the previous submission.',
  freeze_authorization: 'Create the authorization, a frozen copy of the request data.',
  mark_authorization_obsolete: 'An earlier authorization is replaced (after a reopening is approved).',
  revoke_authorization: 'The authorization is revoked.',
  restore_authorization_data: 'The request data was set back to that of the authorization.',
  notify: 'E-mail the people holding these roles on the request about the event.',
  deliver_webhook: "Queue the definition's webhook for this event.",
  render_convention: 'Render and store the convention document of an authorization.',
  transfer: 'The request changed owner (user, organisation or both).',
  create_next_stage_request: 'Create the request of the next stage (production) from this sandbox request.',
} as const;

export type EffectType = keyof typeof EFFECT_TYPES;

/** One changed value between two submissions; arrays are compared as a whole. */
export interface DataChange {
  pointer: string;
  before?: unknown;
  after?: unknown;
}

export interface Owner {
  userId: string;
  organizationId: string;
}

interface EffectPayloads {
  record_event: { event: string; from: string | null; to: string; actorId: string; actorKind: 'user' | 'system'; at: string; reason?: string };
  store_submission_diff: { first: boolean; changes: DataChange[] };
  /** `authorizationId` is the engine's key for it within the request (`<request id>/<n>`); the server may map it. */
  freeze_authorization: { authorizationId: string; data: Record<string, unknown> };
  mark_authorization_obsolete: { authorizationId: string };
  revoke_authorization: { authorizationId: string };
  restore_authorization_data: { authorizationId: string };
  notify: { event: string; roles: string[]; template: string };
  deliver_webhook: { event: string };
  render_convention: { authorizationId: string };
  transfer: { from: Owner; to: Owner };
  create_next_stage_request: { definitionId: string; fromRequestId: string; organizationId: string; applicantId: string; data: Record<string, unknown> };
}

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// Fails to compile when the payloads and the table list different effect types.
const payloadsMatchTable: Same<keyof EffectPayloads, EffectType> = true;
void payloadsMatchTable;

/** An effect to carry out, discriminated by `type`. */
export type Effect = { [K in EffectType]: { type: K } & EffectPayloads[K] }[EffectType];

/** The effect of one type, e.g. `EffectOf<'notify'>`. */
export type EffectOf<K extends EffectType> = Extract<Effect, { type: K }>;
