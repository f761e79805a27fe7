import type { Definition } from '../../engine/index.js';

/** Whether the definition's workflow renders a convention at some event (`render_convention`). */
export function producesConvention(definition: Definition): boolean {
  const { events, states } = definition.workflow;
  const calls = [...Object.values(events).flatMap((e) => e.effects), ...Object.values(states).flatMap((s) => Object.values(s.on).flatMap((ts) => ts.flatMap((t) => t.effects)))];
  return calls.some((c) => c.name === 'render_convention');
}
