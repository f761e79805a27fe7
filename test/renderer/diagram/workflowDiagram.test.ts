import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { renderToStaticMarkup } from 'react-dom/server';
import { parse } from 'yaml';
import type { Workflow } from '../../../engine/index.js';
import { checkWorkflow } from '../../../engine/workflow/index.js';
import { workflowDiagram } from '../../../renderer/diagram/workflowDiagram.js';
import type { Box } from '../../../renderer/diagram/layeredLayout.js';
import { loadBase } from '../../engine/workflow/workflowFiles.js';

const workflowOf = (name: string): Workflow => {
  const result = checkWorkflow({ file: loadBase(name)!, loadBase });
  assert.deepEqual(result.issues, []);
  return result.workflow!;
};

/** The text a reader of the SVG sees: the content of its <text> elements, entities decoded. */
const textsOf = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&#x27;/g, "'").replace(/&amp;/g, '&'));

const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function assertNoOverlap(boxes: Box[], what: string): void {
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => assert.ok(!overlap(a, b), `${what}: ${JSON.stringify(a)} overlaps ${JSON.stringify(b)}`)));
}

interface YamlTransition {
  target?: string;
}

describe('workflowDiagram', () => {
  describe('the standard workflow (definitions/_workflows/standard.yaml)', () => {
    const workflow = workflowOf('standard');
    const diagram = workflowDiagram(workflow);
    const svg = renderToStaticMarkup(diagram.svg);
    const texts = textsOf(svg);
    // What the file says, read on its own: every state and every transition, the workflow-wide `on` in each non-final state.
    const file = parse(readFileSync('definitions/_workflows/standard.yaml', 'utf8')) as {
      initial: string;
      states: Record<string, { label: string; final?: boolean; on?: Record<string, YamlTransition | YamlTransition[]> }>;
      on: Record<string, YamlTransition>;
      events: Record<string, { label: string }>;
    };
    const expected: { from: string; event: string; to: string }[] = [];
    for (const [from, state] of Object.entries(file.states)) {
      for (const [event, branches] of Object.entries(state.on ?? {})) for (const b of [branches].flat()) expected.push({ from, event, to: b.target ?? from });
      if (!state.final) for (const [event, t] of Object.entries(file.on)) if (!state.on?.[event]) expected.push({ from, event, to: t.target ?? from });
    }

    it('draws every state with its label', () => {
      assert.deepEqual(Object.keys(diagram.boxes.states), Object.keys(file.states));
      for (const state of Object.values(file.states)) assert.ok(texts.includes(state.label), state.label);
    });

    it('lists every transition of the file, and create leading to the initial state', () => {
      const listed = diagram.transitions.filter((t) => t.from !== null).map((t) => ({ from: t.from, event: t.event, to: t.to }));
      for (const t of expected) assert.ok(listed.some((l) => l.from === t.from && l.event === t.event && l.to === t.to), JSON.stringify(t));
      assert.equal(new Set(listed.map((l) => JSON.stringify(l))).size, new Set(expected.map((e) => JSON.stringify(e))).size, 'nothing more');
      assert.deepEqual(diagram.transitions[0], { from: null, event: 'create', label: 'Créer la demande', to: 'draft', everywhere: false, guards: [] });
      for (const t of diagram.transitions) assert.equal(t.label, file.events[t.event]!.label);
      assert.ok(diagram.transitions.filter((t) => t.event === 'transfer').every((t) => t.everywhere));
    });

    it('draws one labelled arrow for each pair of states a transition links, the start dot to the initial state', () => {
      const paths = [...svg.matchAll(/<path d="[^"]+"[^>]*data-from="([^"]*)" data-to="([^"]+)"/g)].map((m) => `${m[1]}>${m[2]}`);
      const pairs = new Set(diagram.transitions.filter((t) => t.to !== t.from && !t.everywhere).map((t) => `${t.from ?? ''}>${t.to}`));
      assert.deepEqual(new Set(paths), pairs);
      assert.equal(paths.length, pairs.size, 'one arrow per pair');
      assert.ok(paths.includes('>draft'), 'the initial state is marked by the arrow from the start dot');
      for (const t of diagram.transitions) {
        if (t.to === t.from) assert.ok(texts.includes(t.everywhere ? `Dans tout état non final qui ne le prévoit pas lui-même : ↻ ${t.label}` : `↻ ${t.label}`), t.event);
        else assert.ok(texts.includes(t.label), t.event);
      }
      assert.match(svg, /marker-end="url\(#cycle-de-vie-fleche\)"/);
    });

    it('marks the initial state and the final ones', () => {
      const group = (state: string) => new RegExp(`<g data-state="${state}">(.*?)</g>`).exec(svg)?.[1] ?? '';
      assert.equal((group('archived').match(/<rect/g) ?? []).length, 2, 'a final state has a double border');
      assert.equal((group('validated').match(/<rect/g) ?? []).length, 1);
      assert.match(group('draft'), /stroke-width="2.5"/);
      assert.match(svg, /<desc id="cycle-de-vie-desc">7 états\. L’état initial, où la demande est créée, est « Brouillon » ; l’état final est « Archivée »\./);
    });

    it('lays the states out without overlap, labels included, top to bottom from the initial state', () => {
      const states = Object.values(diagram.boxes.states);
      assertNoOverlap(states, 'states');
      assertNoOverlap(diagram.boxes.labels, 'labels');
      for (const label of diagram.boxes.labels) for (const state of states) assert.ok(!overlap(label, state), `label ${JSON.stringify(label)} on state ${JSON.stringify(state)}`);
      for (const box of [...states, ...diagram.boxes.labels]) assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= diagram.width && box.y + box.height <= diagram.height);
      const y = (s: string) => diagram.boxes.states[s]!.y;
      assert.ok(Object.keys(file.states).every((s) => s === 'draft' || y(s) > y('draft')), 'the initial state first');
      assert.ok(y('submitted') < y('validated') && y('validated') < y('archived'), 'submitted, validated, archived in that order');
      assert.ok(diagram.width <= 1000, `fits a page: ${diagram.width}px`);
    });

    it('is an accessible image: role, title and description', () => {
      assert.match(svg, /^<svg [^>]*role="img"[^>]*aria-labelledby="cycle-de-vie-titre cycle-de-vie-desc"/);
      assert.match(svg, /<title id="cycle-de-vie-titre">Cycle de vie d’une demande<\/title>/);
      const named = renderToStaticMarkup(workflowDiagram(workflow, { id: 'x', title: 'Cycle de vie : API Exemple' }).svg);
      assert.match(named, /aria-labelledby="x-titre x-desc"/);
      assert.match(named, /<title id="x-titre">Cycle de vie : API Exemple<\/title>/);
    });

    it('is a pure function of the workflow', () => {
      assert.equal(renderToStaticMarkup(workflowDiagram(workflowOf('standard')).svg), svg);
    });
  });

  for (const name of ['with_opinion', 'two_level_approval']) {
    it(`draws ${name}.yaml with every state and event, without overlap`, () => {
      const workflow = workflowOf(name);
      const diagram = workflowDiagram(workflow);
      const texts = textsOf(renderToStaticMarkup(diagram.svg));
      for (const state of Object.values(workflow.states)) assert.ok(texts.includes(state.label), state.label);
      for (const t of diagram.transitions) assert.ok(texts.some((x) => x.endsWith(t.label)), t.event);
      const states = Object.values(diagram.boxes.states);
      assertNoOverlap([...states, ...diagram.boxes.labels], name);
    });
  }

  it('says a workflow-wide transition with a target once, below the diagram', () => {
    const workflow = workflowOf('standard');
    const wide: Workflow = structuredClone(workflow);
    for (const [name, state] of Object.entries(wide.states)) {
      if (!state.final && name !== 'archived') state.on.archive ??= [{ target: 'archived', guards: [], effects: [], at: { file: 'w.yaml', pointer: '/on/archive' } }];
    }
    const texts = textsOf(renderToStaticMarkup(workflowDiagram(wide).svg));
    assert.ok(texts.includes('Dans tout état non final qui ne le prévoit pas lui-même : Archiver → Archivée'), texts.join(' | '));
  });
});
