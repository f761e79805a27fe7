import type { Definition } from '../../engine/index.js';

/** The events of a definition's workflow that deliver webhooks (`deliver_webhook` on the event or one of its transitions). */
export function webhookEvents(definition: Definition): { event: string; label: string }[] {
  const { workflow } = definition;
  const delivering = new Set<string>();
  for (const [event, e] of Object.entries(workflow.events)) if (e.effects.some((c) => c.name === 'deliver_webhook')) delivering.add(event);
  for (const state of Object.values(workflow.states)) {
    for (const [event, transitions] of Object.entries(state.on)) if (transitions.some((t) => t.effects.some((c) => c.name === 'deliver_webhook'))) delivering.add(event);
  }
  return Object.entries(workflow.events)
    .filter(([event]) => delivering.has(event))
    .map(([event, e]) => ({ event, label: e.label }));
}
