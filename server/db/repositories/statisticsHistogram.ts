/**
 * Percentiles from a histogram of durations, where the database gives, for each logarithmic bucket (see
 * statisticsSql.ts), how many durations fell in it and the smallest and largest of them.
 *
 * The k-th smallest duration is in a known bucket; it is read as the bucket's smallest when it is the first
 * there, the largest when it is the last, and in between spread evenly. It is exact when the bucket holds one
 * value (or equal values) or the rank is at its edge; otherwise it is off by less than the bucket's width: 5 %
 * of the value above a second, under a second below. Percentiles then interpolate between two ranks as
 * PostgreSQL's `percentile_cont` does.
 */

export interface Bucket {
  count: number;
  /** The smallest and largest duration in the bucket, in seconds. */
  min: number;
  max: number;
}

/** Bucket number → bucket. */
export type Histogram = Map<number, Bucket>;

/** Add a bucket's figures (e.g. one month's) to a histogram. */
export function addToHistogram(histogram: Histogram, index: number, bucket: Bucket): void {
  const current = histogram.get(index);
  if (!current) histogram.set(index, { ...bucket });
  else histogram.set(index, { count: current.count + bucket.count, min: Math.min(current.min, bucket.min), max: Math.max(current.max, bucket.max) });
}

/** The histograms of several definitions as one. */
export function mergeHistograms(histograms: Iterable<Histogram>): Histogram {
  const merged: Histogram = new Map();
  for (const histogram of histograms) for (const [index, bucket] of histogram) addToHistogram(merged, index, bucket);
  return merged;
}

export const countOf = (histogram: Histogram): number => [...histogram.values()].reduce((sum, b) => sum + b.count, 0);

/** The `rank`-th smallest duration (from 0), as well as the histogram tells it. */
function valueAtRank(sorted: [number, Bucket][], rank: number): number {
  let before = 0;
  for (const [, bucket] of sorted) {
    if (rank < before + bucket.count) {
      const within = rank - before;
      return bucket.count === 1 ? bucket.min : bucket.min + ((bucket.max - bucket.min) * within) / (bucket.count - 1);
    }
    before += bucket.count;
  }
  throw new Error(`rank ${rank} beyond the histogram's ${before} values`);
}

/** The `p` percentile (0 to 1) of the durations, in seconds, as `percentile_cont(p)`; undefined without any. */
export function percentileOf(histogram: Histogram, p: number): number | undefined {
  const n = countOf(histogram);
  if (n === 0) return undefined;
  const sorted = [...histogram].sort((a, b) => a[0] - b[0]);
  const position = p * (n - 1);
  const low = Math.floor(position);
  const high = Math.ceil(position);
  const lowValue = valueAtRank(sorted, low);
  return high === low ? lowValue : lowValue + (position - low) * (valueAtRank(sorted, high) - lowValue);
}
