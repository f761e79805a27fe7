import { EFFECT_TYPES } from './Effect.js';
import type { WorkflowRegistry } from './registry.js';
import { BUILT_IN_ROLES } from './roles.js';

/**
 * The Markdown reference of the roles, guards and effects a workflow may name, generated from the
 * registry so that definitions/_workflows/README.md cannot drift from the code (a test compares them).
 */
export function registryReference(registry: WorkflowRegistry): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = ['### Roles', '', '| role | meaning |', '|---|---|'];
  for (const [name, role] of Object.entries(BUILT_IN_ROLES)) lines.push(`| \`${name}\` | ${cell(role.doc)} |`);
  lines.push('', '### Guards', '', '| guard | argument | passes when |', '|---|---|---|');
  for (const [name, guard] of [...registry.guards].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`| \`${name}\` | ${cell(guard.argument ?? '–')} | ${cell(guard.description)} |`);
  }
  lines.push('', '### Effects', '', '| effect | argument | what it does | effect types handed to the server |', '|---|---|---|---|');
  for (const [name, effect] of [...registry.effects].sort(([a], [b]) => a.localeCompare(b))) {
    const emits = effect.emits.map((e) => `\`${e}\``).join(', ') || '–';
    lines.push(`| \`${name}\` | ${cell(effect.argument ?? '–')} | ${cell(effect.description)} | ${emits} |`);
  }
  lines.push('', '### Effect types the server carries out', '', '| type | meaning |', '|---|---|');
  for (const [type, doc] of Object.entries(EFFECT_TYPES)) lines.push(`| \`${type}\` | ${cell(doc)} |`);
  return lines.join('\n') + '\n';
}
