import type { Registry } from '../../../../engine/index.js';
import type { StatsView } from '../../../../renderer/pages/stats/statsView.js';
import type { DurationFigures, Statistics } from '../../../db/repositories/statistics.js';
import { DURATION_KINDS } from '../../../db/repositories/statisticsSql.js';

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'fr');

/** The statistics as the pages show them: names and state labels from the definitions, in the workflows' order. */
export function statsPageView(registry: Registry, stats: Statistics, selectedId: string | undefined): StatsView {
  const nameOf = (id: string) => registry.definitions.get(id)?.meta.name ?? id;
  // States in the order of the workflows (the selected definition's, or every one's), then any other met.
  const labels = new Map<string, string>();
  const workflows = selectedId ? [registry.definitions.get(selectedId)!] : [...registry.definitions.values()];
  for (const d of workflows) for (const [id, state] of Object.entries(d.workflow.states)) if (!labels.has(id)) labels.set(id, state.label ?? id);
  for (const c of stats.counts) if (!labels.has(c.state)) labels.set(c.state, c.state);
  const totals = new Map<string, number>();
  for (const c of stats.counts) totals.set(c.state, (totals.get(c.state) ?? 0) + c.count);
  const states = [...labels].filter(([id]) => totals.has(id)).map(([id, label]) => ({ id, label }));

  const definitionIds = [...new Set(stats.counts.map((c) => c.definitionId))];
  const durationView = (kind: string, f: DurationFigures) => ({ kind, count: f.count, median: f.median, p80: f.p80 });
  return {
    definitions: [...registry.definitions.values()].map((d) => ({ id: d.id, name: d.meta.name })).sort(byName),
    selected: selectedId ? { id: selectedId, name: nameOf(selectedId) } : undefined,
    durationsSince: stats.durationsSince,
    states,
    byState: states.map((s) => ({ state: s.id, label: s.label, count: totals.get(s.id)! })),
    byDefinition: selectedId
      ? undefined
      : definitionIds
          .map((id) => {
            const byState = Object.fromEntries(stats.counts.filter((c) => c.definitionId === id).map((c) => [c.state, c.count]));
            return { id, name: nameOf(id), total: Object.values(byState).reduce((sum, n) => sum + n, 0), byState };
          })
          .sort(byName),
    durations: DURATION_KINDS.map((kind) => durationView(kind, stats.durations[kind].all)),
    durationsByDefinition: selectedId
      ? undefined
      : definitionIds.map((id) => ({ id, name: nameOf(id), durations: DURATION_KINDS.map((kind) => durationView(kind, stats.durations[kind].byDefinition[id] ?? { count: 0 })) })).sort(byName),
    backlog: stats.backlog,
  };
}
