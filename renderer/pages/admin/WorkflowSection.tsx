import type { Workflow } from '../../../engine/index.js';
import { workflowDiagram } from '../../diagram/workflowDiagram.js';
import type { DiagramTransition } from '../../diagram/workflowTransitions.js';

interface Row {
  from: string;
  event: string;
  label: string;
  to: string;
  guards: string[];
}

/** The table's rows: each transition, those of the workflow-wide `on` once for every state. */
function rows(workflow: Workflow, transitions: DiagramTransition[]): Row[] {
  const stateLabel = (s: string) => workflow.states[s]?.label ?? s;
  const out: Row[] = [];
  const wide = new Set<string>();
  for (const t of transitions) {
    if (!t.everywhere) {
      out.push({ from: t.from === null ? '— (création)' : stateLabel(t.from), event: t.event, label: t.label, to: t.to === t.from ? `${stateLabel(t.to)} (inchangé)` : stateLabel(t.to), guards: t.guards });
    } else if (!wide.has(t.event)) {
      wide.add(t.event);
      const target = transitions.find((o) => o.everywhere && o.event === t.event && o.to !== o.from)?.to;
      out.push({ from: 'Tout état non final qui ne le prévoit pas lui-même', event: t.event, label: t.label, to: target ? stateLabel(target) : 'le même état (inchangé)', guards: t.guards });
    }
  }
  return out;
}

/** The workflow: where it is written, its diagram, and the same transitions as a table. */
export function WorkflowSection({ workflow, name }: { workflow: Workflow; name: string }) {
  const diagram = workflowDiagram(workflow, { id: 'diagramme-cycle-de-vie', title: `Cycle de vie d’une demande : ${name}` });
  const extraRoles = workflow.roles;
  return (
    <section className="fr-mb-6w" aria-labelledby="cycle-de-vie">
      <h2 id="cycle-de-vie">Cycle de vie</h2>
      <p>
        Écrit dans {workflow.sources.map((s, i) => (
          <span key={s}>
            {i ? (i === workflow.sources.length - 1 ? ' puis ' : ', ') : ''}
            <code>{s}</code>
          </span>
        ))}
        .{workflow.description ? ` ${workflow.description}` : ''}
        {extraRoles.length ? ` Rôles propres à ce cycle : ${extraRoles.join(', ')}.` : ''}
      </p>
      <div className="fr-mb-3w" style={{ overflowX: 'auto' }}>
        {diagram.svg}
      </div>
      <div className="fr-table">
        <table>
          <caption>Transitions</caption>
          <thead>
            <tr>
              <th scope="col">Depuis</th>
              <th scope="col">Événement</th>
              <th scope="col">Vers</th>
              <th scope="col">Conditions</th>
            </tr>
          </thead>
          <tbody>
            {rows(workflow, diagram.transitions).map((r, i) => (
              <tr key={i}>
                <td>{r.from}</td>
                <td>
                  {r.label} <code className="fr-text--xs">{r.event}</code>
                </td>
                <td>{r.to}</td>
                <td>{r.guards.length ? r.guards.map((g, j) => <code key={j} className="fr-mr-1w">{g}</code>) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
