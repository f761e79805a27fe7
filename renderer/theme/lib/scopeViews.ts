import type { Scope, ScopeGroup } from '../../../engine/index.js';
import { formatFrenchDate } from './formatFrenchDate.js';

export interface ScopeBadge {
  label: string;
  /** The DSFR badge variant (`fr-badge--{tone}`); the neutral badge without. */
  tone?: 'info' | 'warning';
}

/** How one scope shows: ticked, greyed out, and the badges that say why. */
export interface ScopeView {
  scope: Scope;
  checked: boolean;
  disabled: boolean;
  badges: ScopeBadge[];
}

export interface ScopeGroupView {
  group: string;
  items: ScopeView[];
}

export interface ScopeViewOptions {
  /** The use case's limit: other scopes are hidden, unless already selected (so they can be unticked). */
  allowed?: string[] | undefined;
  /** When the request was created; without it a deprecated scope counts as deprecated for it. */
  createdAt?: string | undefined;
  /** Every box greyed out: the field is locked, read-only or disabled. */
  frozen?: boolean | undefined;
}

/** Whether a scope deprecated since `since` is refused to a request created at `createdAt`, as the engine decides. */
function deprecatedFor(since: string, createdAt: string | undefined): boolean {
  if (!createdAt) return true;
  const [from, at] = [Date.parse(since), Date.parse(createdAt)];
  return Number.isNaN(from) || Number.isNaN(at) || from < at;
}

/**
 * The scopes as the applicant sees them, by group, in the order of definition.yaml: included ones ticked and
 * locked, disabled ones and deprecated ones greyed out unless already selected (so they can be unticked), the
 * use case's limit applied; groups left empty are dropped.
 */
export function scopeViews(groups: ScopeGroup[], selected: readonly string[], options: ScopeViewOptions = {}): ScopeGroupView[] {
  const chosen = new Set(selected);
  const allowed = options.allowed ? new Set(options.allowed) : undefined;
  return groups
    .map((group) => ({
      group: group.group,
      items: group.items
        .filter((scope) => !allowed || allowed.has(scope.value) || chosen.has(scope.value))
        .map((scope): ScopeView => {
          const isChosen = chosen.has(scope.value);
          const badges: ScopeBadge[] = [];
          let disabled = Boolean(options.frozen);
          if (scope.included) {
            badges.push({ label: 'Incluse', tone: 'info' });
            disabled = true;
          }
          if (scope.disabled) {
            badges.push({ label: 'Indisponible' });
            disabled ||= !isChosen;
          }
          if (scope.deprecated) {
            badges.push({ label: `Obsolète depuis le ${formatFrenchDate(scope.deprecated.since)}`, tone: 'warning' });
            disabled ||= deprecatedFor(scope.deprecated.since, options.createdAt) && !isChosen;
          }
          return { scope, checked: isChosen || Boolean(scope.included), disabled, badges };
        }),
    }))
    .filter((group) => group.items.length > 0);
}
