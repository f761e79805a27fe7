/** Time `fn` in batches after a warm-up; returns the median time per call, in microseconds. */
export function measure(fn: () => unknown, { batches = 15, minBatchMs = 40 } = {}): number {
  const warmUntil = performance.now() + minBatchMs * 3;
  let perBatch = 1;
  while (performance.now() < warmUntil) {
    fn();
    perBatch++;
  }
  const samples: number[] = [];
  for (let b = 0; b < batches; b++) {
    const start = performance.now();
    let n = 0;
    while (performance.now() - start < minBatchMs) {
      for (let i = 0; i < Math.max(1, perBatch >> 4); i++) fn();
      n += Math.max(1, perBatch >> 4);
    }
    samples.push(((performance.now() - start) * 1000) / n);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

/** Time one run of `fn` several times; returns the median in milliseconds. */
export function measureOnce(fn: () => unknown, runs = 5): number {
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}
