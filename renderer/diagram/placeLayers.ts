import type { Segment } from './orderLayers.js';

/** How far a vertex reaches on each side of its x, which is where edges meet it. */
export interface Extent {
  left: number;
  right: number;
}

const ROUNDS = 40;

/**
 * The x of every vertex, layers being ordered: each layer in turn moves its vertices as close as it can to the
 * mean x of their neighbours in the layer above (sweeping down) or below (sweeping up), keeping their order and
 * `gap(a, b)` between the extents of neighbours `a` and `b`. Long edges, chains of narrow vertices, straighten.
 * Starts packed to the left; the leftmost extent ends at x = 0.
 */
export function placeLayers(layers: readonly (readonly string[])[], extents: ReadonlyMap<string, Extent>, segments: readonly Segment[], gap: (a: string, b: string) => number): Map<string, number> {
  const ext = (v: string) => extents.get(v) ?? { left: 0, right: 0 };
  const above = new Map<string, string[]>();
  const below = new Map<string, string[]>();
  for (const s of segments) {
    (above.get(s.lower) ?? above.set(s.lower, []).get(s.lower)!).push(s.upper);
    (below.get(s.upper) ?? below.set(s.upper, []).get(s.upper)!).push(s.lower);
  }
  const x = new Map<string, number>();
  const minimalSteps = (layer: readonly string[]) => layer.slice(1).map((v, i) => ext(layer[i]!).right + gap(layer[i]!, v) + ext(v).left);
  for (const layer of layers) {
    let at = 0;
    layer.forEach((v, i) => {
      at = i === 0 ? ext(v).left : at + minimalSteps(layer)[i - 1]!;
      x.set(v, at);
    });
  }
  const meanOf = (vs: readonly string[] | undefined) => (vs?.length ? vs.reduce((sum, v) => sum + x.get(v)!, 0) / vs.length : undefined);
  for (let round = 0; round < ROUNDS; round++) {
    const down = round % 2 === 0;
    const order = layers.map((_, k) => k);
    for (const k of down ? order : order.reverse()) {
      const layer = layers[k]!;
      const wanted = layer.map((v) => meanOf((down ? above : below).get(v)) ?? meanOf((down ? below : above).get(v)) ?? x.get(v)!);
      const placed = closestInOrder(wanted, minimalSteps(layer));
      layer.forEach((v, i) => x.set(v, placed[i]!));
    }
  }
  const leftmost = Math.min(...[...x].map(([v, at]) => at - ext(v).left));
  for (const [v, at] of x) x.set(v, at - leftmost);
  return x;
}

/**
 * The positions nearest to `wanted` (least squares) such that each is at least `steps[i]` after the one before:
 * with y_i = x_i minus the sum of the steps before it, this is an isotonic regression, solved by pooling
 * adjacent violators.
 */
export function closestInOrder(wanted: readonly number[], steps: readonly number[]): number[] {
  const offsets = wanted.map((_, i) => steps.slice(0, i).reduce((a, b) => a + b, 0));
  const blocks: { sum: number; count: number }[] = [];
  wanted.forEach((w, i) => {
    blocks.push({ sum: w - offsets[i]!, count: 1 });
    while (blocks.length > 1 && blocks[blocks.length - 2]!.sum / blocks[blocks.length - 2]!.count > blocks[blocks.length - 1]!.sum / blocks[blocks.length - 1]!.count) {
      const last = blocks.pop()!;
      blocks[blocks.length - 1]!.sum += last.sum;
      blocks[blocks.length - 1]!.count += last.count;
    }
  });
  const y = blocks.flatMap((b) => Array<number>(b.count).fill(b.sum / b.count));
  return y.map((value, i) => value + offsets[i]!);
}
