import { orderLayers, type Segment } from './orderLayers.js';
import { placeLayers, type Extent } from './placeLayers.js';
import { rankNodes } from './rankNodes.js';

export interface LayoutNode {
  id: string;
  width: number;
  height: number;
}

export interface LayoutEdge {
  from: string;
  to: string;
  /** The size of the edge's label, laid out as a box of its own so that no label covers another or a node. */
  label?: { width: number; height: number };
}

export interface Point {
  x: number;
  y: number;
}

/** A rectangle by its top-left corner. */
export interface Box extends Point {
  width: number;
  height: number;
}

export interface PlacedEdge {
  from: string;
  to: string;
  /** From the source to the target; the edge runs vertically through each point. */
  points: Point[];
  /** The edge closes a cycle and runs upwards, against the layers. */
  reversed: boolean;
  label?: Box;
}

export interface Layout {
  nodes: Map<string, Box>;
  edges: PlacedEdge[];
  width: number;
  height: number;
}

/** Between the layers, between boxes in a layer, between an edge and its label. */
const SPACING = { band: 18, nodes: 48, virtual: 16, label: 6, minBand: 12 };

interface Vertex extends Extent {
  rank: number;
  height: number;
  kind: 'node' | 'dummy' | 'label';
}

/**
 * A layered drawing from top to bottom, in the manner of Sugiyama: nodes in layers by the longest path from
 * `root` (edges closing a cycle turned around), each edge crossing a band between two layers of nodes where
 * its label is a box of its own, long edges as chains of points through the layers between; crossings
 * reduced by barycenter sweeps; positions as near their neighbours as the spacing allows. Edges leave from
 * the bottom of their source and enter the top of their target (an edge closing a cycle, the other way round),
 * spread along the side by where they go. Self-loops are for the caller to draw.
 */
export function layeredLayout(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[], root: string): Layout {
  const { ranks, reversed, discovery } = rankNodes(
    nodes.map((n) => n.id),
    edges,
    root,
  );
  const vertices = new Map<string, Vertex>();
  const layerCount = 2 * Math.max(0, ...ranks.values()) + 1;
  const layers: string[][] = Array.from({ length: layerCount }, () => []);
  const size = new Map(nodes.map((n) => [n.id, n]));
  for (const id of discovery) {
    const n = size.get(id)!;
    vertices.set(id, { rank: 2 * ranks.get(id)!, left: n.width / 2, right: n.width / 2, height: n.height, kind: 'node' });
    layers[2 * ranks.get(id)!]!.push(id);
  }
  const chains = edges.map((edge, i) => {
    const [upper, lower] = reversed.has(i) ? [edge.to, edge.from] : [edge.from, edge.to];
    const top = vertices.get(upper)!.rank;
    const bottom = vertices.get(lower)!.rank;
    // The label sits next to where the edge leaves its source.
    const labelRank = reversed.has(i) ? bottom - 1 : top + 1;
    const chain = [upper];
    for (let rank = top + 1; rank < bottom; rank++) {
      const id = `${i}@${rank}`;
      const label = rank === labelRank ? edge.label : undefined;
      vertices.set(id, label ? { rank, left: 2, right: SPACING.label + label.width, height: label.height, kind: 'label' } : { rank, left: 3, right: 3, height: 0, kind: 'dummy' });
      layers[rank]!.push(id);
      chain.push(id);
    }
    chain.push(lower);
    return chain;
  });
  const segments: Segment[] = chains.flatMap((chain) => chain.slice(1).map((lower, j) => ({ upper: chain[j]!, lower })));

  const ordered = orderLayers(layers, segments);
  const x = placeLayers(ordered, vertices, segments, (a, b) => (vertices.get(a)!.kind === 'node' && vertices.get(b)!.kind === 'node' ? SPACING.nodes : SPACING.virtual));

  const bandTops: number[] = [];
  const bandHeights = ordered.map((layer) => Math.max(SPACING.minBand, ...layer.map((v) => vertices.get(v)!.height)));
  bandHeights.forEach((h, k) => bandTops.push(k === 0 ? 0 : bandTops[k - 1]! + bandHeights[k - 1]! + SPACING.band));
  const middle = (rank: number) => bandTops[rank]! + bandHeights[rank]! / 2;

  const boxes = new Map<string, Box>();
  for (const n of nodes) {
    const v = vertices.get(n.id)!;
    boxes.set(n.id, { x: x.get(n.id)! - v.left, y: middle(v.rank) - v.height / 2, width: n.width, height: n.height });
  }

  // Where each segment meets a node: spread along its bottom (or top) side in the order of the other ends.
  const ports = new Map<string, number>();
  const spread = (node: string, ends: { key: string; other: string }[]) => {
    const box = boxes.get(node)!;
    ends.sort((a, b) => x.get(a.other)! - x.get(b.other)!);
    ends.forEach((end, i) => ports.set(end.key, box.x + box.width / 2 + (ends.length > 1 ? ((i / (ends.length - 1)) - 0.5) * box.width * 0.6 : 0)));
  };
  for (const n of nodes) {
    spread(n.id, segments.filter((s) => s.upper === n.id).map((s) => ({ key: `${s.upper}>${s.lower}`, other: s.lower })));
    spread(n.id, segments.filter((s) => s.lower === n.id).map((s) => ({ key: `${s.upper}>${s.lower}`, other: s.upper })));
  }

  const placed = chains.map((chain, i): PlacedEdge => {
    const edge = edges[i]!;
    const points: Point[] = [];
    let label: Box | undefined;
    const first = boxes.get(chain[0]!)!;
    points.push({ x: ports.get(`${chain[0]}>${chain[1]}`)!, y: first.y + first.height });
    for (const id of chain.slice(1, -1)) {
      const v = vertices.get(id)!;
      const at = x.get(id)!;
      if (v.kind === 'label') {
        label = { x: at + SPACING.label, y: middle(v.rank) - v.height / 2, width: v.right - SPACING.label, height: v.height };
        points.push({ x: at, y: label.y }, { x: at, y: label.y + label.height });
      } else points.push({ x: at, y: middle(v.rank) });
    }
    const last = boxes.get(chain[chain.length - 1]!)!;
    points.push({ x: ports.get(`${chain[chain.length - 2]}>${chain[chain.length - 1]}`)!, y: last.y });
    if (reversed.has(i)) points.reverse();
    return { from: edge.from, to: edge.to, points, reversed: reversed.has(i), ...(label ? { label } : {}) };
  });

  const width = Math.max(0, ...[...vertices].map(([id, v]) => x.get(id)! + v.right));
  const height = bandTops[layerCount - 1]! + bandHeights[layerCount - 1]!;
  return { nodes: boxes, edges: placed, width, height };
}
