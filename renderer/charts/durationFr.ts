import { niceScale, type Scale } from './niceScale.js';

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;

const decimal = (value: number, digits: number) => value.toLocaleString('fr-FR', { maximumFractionDigits: digits });

/** A duration as the statistics write it: « 40 s », « 25 min », « 3,5 h », « 14 h », « 1,5 j », « 12 j ». */
export function durationFr(seconds: number): string {
  if (seconds < MINUTE) return `${Math.round(seconds)} s`;
  if (seconds < HOUR) return `${Math.round(seconds / MINUTE)} min`;
  const [unit, symbol] = seconds < DAY ? [HOUR, 'h'] : [DAY, 'j'];
  const value = seconds / unit;
  return `${decimal(value, value < 10 ? 1 : 0)} ${symbol}`;
}

/** An axis for durations up to `maxSeconds`, in the unit that keeps its ticks readable: days, hours, minutes or seconds. */
export function durationScale(maxSeconds: number): { scale: Scale; formatTick: (seconds: number) => string } {
  const [unit, symbol] = maxSeconds >= 2 * DAY ? [DAY, 'j'] : maxSeconds >= 2 * HOUR ? [HOUR, 'h'] : maxSeconds >= 2 * MINUTE ? [MINUTE, 'min'] : [1, 's'];
  const inUnit = niceScale(maxSeconds / unit);
  return {
    scale: { max: inUnit.max * unit, ticks: inUnit.ticks.map((t) => t * unit) },
    formatTick: (seconds) => `${decimal(seconds / unit, 2)} ${symbol}`,
  };
}
