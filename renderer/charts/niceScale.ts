/** An axis from 0: its end and its ticks, at round steps (1, 2, 2.5 or 5 times a power of ten). */
export interface Scale {
  max: number;
  ticks: number[];
}

const STEPS = [1, 2, 2.5, 5, 10];

/** The scale from 0 covering `value` in about `count` steps; `integer` keeps every tick whole (counts). */
export function niceScale(value: number, { count = 5, integer = false } = {}): Scale {
  if (!(value > 0)) return { max: 1, ticks: [0, 1] };
  const raw = value / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(integer ? 1 : 0, STEPS.map((s) => Number((s * power).toPrecision(12))).find((s) => s >= raw && (!integer || Number.isInteger(s))) ?? 1);
  const steps = Math.ceil(value / step - 1e-9);
  return { max: steps * step, ticks: Array.from({ length: steps + 1 }, (_, i) => Number((i * step).toPrecision(12))) };
}
