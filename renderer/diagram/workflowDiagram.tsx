import type { ReactElement } from 'react';
import type { Workflow } from '../../engine/index.js';
import { curvePath } from './curvePath.js';
import { layeredLayout, type Box, type LayoutEdge, type LayoutNode } from './layeredLayout.js';
import { textWidth } from './textWidth.js';
import { workflowTransitions, type DiagramTransition } from './workflowTransitions.js';

export interface WorkflowDiagramOptions {
  /** Prefix of the ids inside the SVG (title, description, arrowhead): unique in the page. */
  id?: string;
  /** The diagram's accessible title. */
  title?: string;
}

export interface WorkflowDiagram {
  /** The diagram: an accessible SVG (`role="img"`, `<title>`, `<desc>`). */
  svg: ReactElement;
  /** Every transition, for the table that says the same as the diagram. */
  transitions: DiagramTransition[];
  /** Where each state's box and each edge's label is drawn. */
  boxes: { states: Record<string, Box>; labels: Box[] };
  width: number;
  height: number;
}

const START = '\u0000start';
const MARGIN = 16;
const STATE = { font: 14, selfFont: 12, selfLine: 16, padX: 14, head: 34, minWidth: 120 };
const LABEL = { font: 12, line: 15 };
const LEGEND = { font: 12, line: 20, gap: 18 };
const SELF = '↻';

// DSFR colours through its custom properties, so the dark theme applies; the fallbacks are the light theme's.
const COLOR = {
  edge: 'var(--text-mention-grey, #666666)',
  text: 'var(--text-default-grey, #3a3a3a)',
  border: 'var(--border-action-high-blue-france, #000091)',
  fill: 'var(--background-default-grey, #ffffff)',
  initial: 'var(--background-contrast-blue-france, #eeeef9)',
  final: 'var(--background-contrast-grey, #eeeeee)',
};

const unique = <T,>(values: T[]) => [...new Set(values)];
const baseline = (top: number, line: number, font: number) => top + line / 2 + font * 0.35;

/**
 * The workflow drawn as a state diagram, computed on the server: states in layers from the initial one
 * (marked by the start dot and the `create` arrow), final states with a double border, one arrow per pair of
 * states labelled with the events leading from one to the other, transitions that keep the state listed in
 * its box (↻), the workflow-wide `on` said once below. Layers run top to bottom: a page is narrower than it
 * is long, and labels written across read best beside edges that run down.
 */
export function workflowDiagram(workflow: Workflow, options: WorkflowDiagramOptions = {}): WorkflowDiagram {
  const id = options.id ?? 'cycle-de-vie';
  const transitions = workflowTransitions(workflow);
  const states = Object.entries(workflow.states);
  const labelOf = (state: string) => workflow.states[state]?.label ?? state;

  const selfLabels = new Map(states.map(([name]) => [name, unique(transitions.filter((t) => t.from === name && t.to === name && !t.everywhere).map((t) => t.label))]));
  const everywhere = unique(transitions.filter((t) => t.everywhere).map((t) => t.event)).map((event) => {
    const target = transitions.find((t) => t.everywhere && t.event === event && t.to !== t.from)?.to;
    return { label: workflow.events[event]?.label ?? event, target };
  });

  const arrows: { from: string; to: string; labels: string[] }[] = [];
  for (const t of transitions) {
    if (t.everywhere || t.to === t.from) continue;
    const from = t.from ?? START;
    const arrow = arrows.find((a) => a.from === from && a.to === t.to) ?? arrows[arrows.push({ from, to: t.to, labels: [] }) - 1]!;
    if (!arrow.labels.includes(t.label)) arrow.labels.push(t.label);
  }

  const nodes: LayoutNode[] = [
    { id: START, width: 14, height: 14 },
    ...states.map(([name, state]): LayoutNode => {
      const lines = selfLabels.get(name)!;
      const width = Math.max(STATE.minWidth, textWidth(state.label, STATE.font, true), ...lines.map((l) => textWidth(`${SELF} ${l}`, STATE.selfFont))) + 2 * STATE.padX;
      return { id: name, width, height: STATE.head + lines.length * STATE.selfLine + (lines.length ? 6 : 0) };
    }),
  ];
  const edges: LayoutEdge[] = arrows.map((a) => ({ from: a.from, to: a.to, label: { width: Math.max(...a.labels.map((l) => textWidth(l, LABEL.font))), height: a.labels.length * LABEL.line } }));
  const layout = layeredLayout(nodes, edges, START);

  const legend = [
    `${SELF} : l’état ne change pas`,
    ...everywhere.map((e) => `Dans tout état non final qui ne le prévoit pas lui-même : ${e.target ? `${e.label} → ${labelOf(e.target)}` : `${SELF} ${e.label}`}`),
  ];
  const legendTop = MARGIN + layout.height + LEGEND.gap;
  const legendOffset = 150; // the start dot and the double border come first on the first line
  const width = Math.ceil(Math.max(layout.width, legendOffset + textWidth(legend[0]!, LEGEND.font), ...legend.slice(1).map((l) => textWidth(l, LEGEND.font))) + 2 * MARGIN);
  const height = Math.ceil(legendTop + legend.length * LEGEND.line + MARGIN / 2);
  const at = (box: Box): Box => ({ ...box, x: box.x + MARGIN, y: box.y + MARGIN });

  const stateBoxes = Object.fromEntries(states.map(([name]) => [name, at(layout.nodes.get(name)!)]));
  const labelBoxes = layout.edges.flatMap((e) => (e.label ? [at(e.label)] : []));
  const finals = states.filter(([, s]) => s.final).map(([, s]) => `« ${s.label} »`);
  const description =
    `${states.length} états. L’état initial, où la demande est créée, est « ${labelOf(workflow.initial)} »` +
    (finals.length ? ` ; ${finals.length > 1 ? 'les états finaux sont' : 'l’état final est'} ${finals.join(', ')}.` : '.') +
    ' Les transitions sont détaillées dans le tableau qui suit.';

  const svg = (
    <svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby={`${id}-titre ${id}-desc`} width={width} height={height} viewBox={`0 0 ${width} ${height}`} className="datapass-workflow-diagram">
      <title id={`${id}-titre`}>{options.title ?? 'Cycle de vie d’une demande'}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <defs>
        <marker id={`${id}-fleche`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" style={{ fill: COLOR.edge }} />
        </marker>
      </defs>
      <g>
        {layout.edges.map((e, i) => (
          <path key={i} d={curvePath(e.points.map((p) => ({ x: p.x + MARGIN, y: p.y + MARGIN })))} fill="none" strokeWidth={1.5} style={{ stroke: COLOR.edge }} markerEnd={`url(#${id}-fleche)`} data-from={e.from === START ? '' : e.from} data-to={e.to} />
        ))}
      </g>
      <g>
        {layout.edges.map((e, i) => {
          if (!e.label) return null;
          const box = at(e.label);
          return (
            <g key={i}>
              <rect x={box.x - 2} y={box.y} width={box.width + 4} height={box.height} rx={2} style={{ fill: COLOR.fill, opacity: 0.85 }} />
              {arrows[i]!.labels.map((text, j) => (
                <text key={j} x={box.x} y={baseline(box.y + j * LABEL.line, LABEL.line, LABEL.font)} fontSize={LABEL.font} style={{ fill: COLOR.text }}>
                  {text}
                </text>
              ))}
            </g>
          );
        })}
      </g>
      <g>
        {(() => {
          const start = at(layout.nodes.get(START)!);
          return <circle cx={start.x + start.width / 2} cy={start.y + start.height / 2} r={start.width / 2} style={{ fill: COLOR.border }} />;
        })()}
        {states.map(([name, state]) => {
          const box = stateBoxes[name]!;
          const fill = state.final ? COLOR.final : name === workflow.initial ? COLOR.initial : COLOR.fill;
          return (
            <g key={name} data-state={name}>
              <rect x={box.x} y={box.y} width={box.width} height={box.height} rx={6} strokeWidth={name === workflow.initial ? 2.5 : 1.5} style={{ fill, stroke: COLOR.border }} />
              {state.final ? <rect x={box.x + 4} y={box.y + 4} width={box.width - 8} height={box.height - 8} rx={4} fill="none" strokeWidth={1} style={{ stroke: COLOR.border }} /> : null}
              <text x={box.x + box.width / 2} y={baseline(box.y, STATE.head, STATE.font)} textAnchor="middle" fontSize={STATE.font} fontWeight={700} style={{ fill: COLOR.text }}>
                {state.label}
              </text>
              {selfLabels.get(name)!.map((text, j) => (
                <text key={j} x={box.x + STATE.padX} y={baseline(box.y + STATE.head - 4 + j * STATE.selfLine, STATE.selfLine, STATE.selfFont)} fontSize={STATE.selfFont} style={{ fill: COLOR.text }}>
                  {`${SELF} ${text}`}
                </text>
              ))}
            </g>
          );
        })}
      </g>
      <g>
        <circle cx={MARGIN + 6} cy={legendTop + LEGEND.line / 2} r={6} style={{ fill: COLOR.border }} />
        <text x={MARGIN + 18} y={baseline(legendTop, LEGEND.line, LEGEND.font)} fontSize={LEGEND.font} style={{ fill: COLOR.text }}>début</text>
        <rect x={MARGIN + 60} y={legendTop + 2} width={22} height={16} rx={3} strokeWidth={1.5} style={{ fill: COLOR.final, stroke: COLOR.border }} />
        <rect x={MARGIN + 63} y={legendTop + 5} width={16} height={10} rx={2} fill="none" strokeWidth={1} style={{ stroke: COLOR.border }} />
        <text x={MARGIN + 88} y={baseline(legendTop, LEGEND.line, LEGEND.font)} fontSize={LEGEND.font} style={{ fill: COLOR.text }}>état final</text>
        {legend.map((text, i) => (
          <text key={i} x={MARGIN + (i === 0 ? legendOffset : 0)} y={baseline(legendTop + i * LEGEND.line, LEGEND.line, LEGEND.font)} fontSize={LEGEND.font} style={{ fill: COLOR.text }}>
            {text}
          </text>
        ))}
      </g>
    </svg>
  );
  return { svg, transitions, boxes: { states: stateBoxes, labels: labelBoxes }, width, height };
}
