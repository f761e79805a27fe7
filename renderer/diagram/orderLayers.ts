/** An edge between two adjacent layers: `upper` in layer k, `lower` in layer k + 1. */
export interface Segment {
  upper: string;
  lower: string;
}

const SWEEPS = 24;

/**
 * The order of the vertices in each layer that keeps crossings few: barycenter sweeps down and up (each
 * vertex moves to the mean position of its neighbours in the layer just swept), then swaps of neighbours
 * while they remove crossings; the best order met is kept. `layers` gives the starting order.
 */
export function orderLayers(layers: readonly (readonly string[])[], segments: readonly Segment[]): string[][] {
  const above = new Map<string, string[]>();
  const below = new Map<string, string[]>();
  for (const s of segments) {
    (above.get(s.lower) ?? above.set(s.lower, []).get(s.lower)!).push(s.upper);
    (below.get(s.upper) ?? below.set(s.upper, []).get(s.upper)!).push(s.lower);
  }
  let current = layers.map((l) => [...l]);
  let best = current.map((l) => [...l]);
  let bestCrossings = totalCrossings(best, below);
  for (let sweep = 0; sweep < SWEEPS && bestCrossings > 0; sweep++) {
    const down = sweep % 2 === 0;
    const indexes = current.map((_, k) => k);
    for (const k of down ? indexes.slice(1) : indexes.slice(0, -1).reverse()) {
      const reference = position(current[down ? k - 1 : k + 1]!);
      const neighbours = down ? above : below;
      const layer = current[k]!;
      const keys = new Map(layer.map((v, i) => [v, barycenter(neighbours.get(v), reference) ?? i]));
      current[k] = layer.map((v, i) => ({ v, i })).sort((a, b) => keys.get(a.v)! - keys.get(b.v)! || a.i - b.i).map((x) => x.v);
    }
    transpose(current, below);
    const crossings = totalCrossings(current, below);
    if (crossings < bestCrossings) {
      best = current.map((l) => [...l]);
      bestCrossings = crossings;
    }
  }
  return best;
}

const position = (layer: readonly string[]) => new Map(layer.map((v, i) => [v, i]));

function barycenter(neighbours: readonly string[] | undefined, reference: Map<string, number>): number | undefined {
  const at = (neighbours ?? []).map((n) => reference.get(n)).filter((p): p is number => p !== undefined);
  return at.length ? at.reduce((a, b) => a + b, 0) / at.length : undefined;
}

/** Crossings between layer k and layer k + 1. */
function crossingsBetween(upper: readonly string[], lower: readonly string[], below: Map<string, string[]>): number {
  const up = position(upper);
  const low = position(lower);
  const pairs: [number, number][] = [];
  for (const u of upper) for (const l of below.get(u) ?? []) if (low.has(l)) pairs.push([up.get(u)!, low.get(l)!]);
  let count = 0;
  for (let i = 0; i < pairs.length; i++) {
    for (let j = i + 1; j < pairs.length; j++) {
      if ((pairs[i]![0] - pairs[j]![0]) * (pairs[i]![1] - pairs[j]![1]) < 0) count++;
    }
  }
  return count;
}

/** Every crossing of the drawing, `layers` being in order. */
function totalCrossings(layers: readonly (readonly string[])[], below: Map<string, string[]>): number {
  let count = 0;
  for (let k = 0; k + 1 < layers.length; k++) count += crossingsBetween(layers[k]!, layers[k + 1]!, below);
  return count;
}

/** Swap neighbours in a layer while that removes crossings with the layers around it. */
function transpose(layers: string[][], below: Map<string, string[]>): void {
  const local = (k: number) => (k > 0 ? crossingsBetween(layers[k - 1]!, layers[k]!, below) : 0) + (k + 1 < layers.length ? crossingsBetween(layers[k]!, layers[k + 1]!, below) : 0);
  let improved = true;
  for (let round = 0; improved && round < 8; round++) {
    improved = false;
    layers.forEach((layer, k) => {
      for (let i = 0; i + 1 < layer.length; i++) {
        const before = local(k);
        [layer[i], layer[i + 1]] = [layer[i + 1]!, layer[i]!];
        if (local(k) < before) improved = true;
        else [layer[i], layer[i + 1]] = [layer[i + 1]!, layer[i]!];
      }
    });
  }
}
