import type { Point } from './layeredLayout.js';

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * An SVG path through `points`, smooth: a cubic curve between each two points, leaving and reaching each
 * point vertically, as edges between layers do.
 */
export function curvePath(points: readonly Point[]): string {
  if (!points.length) return '';
  const [first, ...rest] = points;
  let d = `M${round(first!.x)},${round(first!.y)}`;
  let previous = first!;
  for (const p of rest) {
    const mid = (previous.y + p.y) / 2;
    d += ` C${round(previous.x)},${round(mid)} ${round(p.x)},${round(mid)} ${round(p.x)},${round(p.y)}`;
    previous = p;
  }
  return d;
}
