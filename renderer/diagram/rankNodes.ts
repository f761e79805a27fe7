export interface RankedGraph {
  /** The rank of every node: 0 for the root; every edge not reversed goes to a higher rank. */
  ranks: Map<string, number>;
  /** The indexes of the edges that close a cycle: they are laid out from their target to their source. */
  reversed: Set<number>;
  /** The nodes in the order a depth-first walk from the root discovers them, the others after in their order. */
  discovery: string[];
}

/**
 * Layers of a directed graph: a depth-first walk from `root`, following edges in their order, finds the edges
 * that close a cycle (to a node still on the walk's path); without them the graph is acyclic, and each node
 * gets the length of the longest path that leads to it. A node with no edge at all goes to the last rank.
 * Self-loops must not be given.
 */
export function rankNodes(nodes: readonly string[], edges: readonly { from: string; to: string }[], root: string): RankedGraph {
  const out = new Map<string, number[]>(nodes.map((n) => [n, []]));
  edges.forEach((e, i) => out.get(e.from)?.push(i));
  const reversed = new Set<number>();
  const discovery: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (node: string) => {
    state.set(node, 'open');
    discovery.push(node);
    for (const i of out.get(node) ?? []) {
      const next = edges[i]!.to;
      const seen = state.get(next);
      if (seen === 'open') reversed.add(i);
      else if (!seen) visit(next);
    }
    state.set(node, 'done');
  };
  for (const node of [root, ...nodes]) if (out.has(node) && !state.has(node)) visit(node);

  // Longest path in the acyclic graph, in Kahn's order.
  const forward = edges.map((e, i) => (reversed.has(i) ? { from: e.to, to: e.from } : e));
  const incoming = new Map<string, number>(nodes.map((n) => [n, 0]));
  for (const e of forward) incoming.set(e.to, (incoming.get(e.to) ?? 0) + 1);
  const ranks = new Map<string, number>(nodes.map((n) => [n, 0]));
  const ready = discovery.filter((n) => incoming.get(n) === 0);
  while (ready.length) {
    const node = ready.shift()!;
    for (const e of forward) {
      if (e.from !== node) continue;
      ranks.set(e.to, Math.max(ranks.get(e.to)!, ranks.get(node)! + 1));
      incoming.set(e.to, incoming.get(e.to)! - 1);
      if (incoming.get(e.to) === 0) ready.push(e.to);
    }
  }
  const last = Math.max(0, ...ranks.values());
  const linked = new Set(edges.flatMap((e) => [e.from, e.to]));
  for (const node of nodes) if (node !== root && !linked.has(node)) ranks.set(node, last);
  return { ranks, reversed, discovery };
}
