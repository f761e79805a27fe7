import { ChartFrame } from './ChartFrame.js';
import { CHART_COLORS, CHART_WIDTH } from './chartStyle.js';
import type { Scale } from './niceScale.js';

export interface AreaChartProps {
  /** Unique in the page: the ids of the title and description derive from it. */
  id: string;
  title: string;
  /** What it shows in one sentence; the figures themselves are in the table that goes with it. */
  description: string;
  /** Evenly spaced points, oldest first. */
  values: number[];
  scale: Scale;
  /** Labels under the horizontal axis, at a point's index (e.g. the first week of each month), with an optional second line (its year). */
  xTicks: { index: number; label: string; sublabel?: string | undefined }[];
  formatTick: (value: number) => string;
  /** The last point's value, written beside it. */
  formatValue: (value: number) => string;
}

const WIDTH = CHART_WIDTH;
const HEIGHT = 260;
const LEFT = 56;
const RIGHT = 64;
const TOP = 14;
const BOTTOM = 46;

/**
 * A line over a filled area, on a vertical axis from 0 with its grid: inline SVG drawn on the server, no
 * script (see ChartFrame for its accessible name).
 */
export function AreaChart({ id, title, description, values, scale, xTicks, formatTick, formatValue }: AreaChartProps) {
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const x = (index: number) => LEFT + (values.length > 1 ? (index / (values.length - 1)) * plotWidth : plotWidth / 2);
  const y = (value: number) => TOP + plotHeight - (Math.max(0, value) / scale.max) * plotHeight;
  const line = values.map((v, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const area = values.length ? `${line} L${x(values.length - 1).toFixed(1)},${y(0)} L${x(0).toFixed(1)},${y(0)} Z` : '';
  const last = values.length - 1;
  return (
    <ChartFrame id={id} title={title} description={description} width={WIDTH} height={HEIGHT}>
      {scale.ticks.map((tick) => (
        <g key={tick}>
          <line x1={LEFT} x2={LEFT + plotWidth} y1={y(tick)} y2={y(tick)} style={{ stroke: tick === 0 ? CHART_COLORS.axis : CHART_COLORS.grid }} strokeWidth={1} />
          <text x={LEFT - 8} y={y(tick) + 4.5} textAnchor="end" style={{ fill: CHART_COLORS.mention }}>{formatTick(tick)}</text>
        </g>
      ))}
      {xTicks.map((tick) => (
        <g key={tick.index}>
          <line x1={x(tick.index)} x2={x(tick.index)} y1={TOP + plotHeight} y2={TOP + plotHeight + 5} style={{ stroke: CHART_COLORS.axis }} strokeWidth={1} />
          <text x={x(tick.index)} y={TOP + plotHeight + 20} textAnchor="middle" style={{ fill: CHART_COLORS.mention }}>
            {tick.label}
            {tick.sublabel ? <tspan x={x(tick.index)} dy={16}>{tick.sublabel}</tspan> : null}
          </text>
        </g>
      ))}
      {values.length ? (
        <>
          <path d={area} style={{ fill: CHART_COLORS.area }} />
          <path d={line} style={{ fill: 'none', stroke: CHART_COLORS.primary }} strokeWidth={2.5} strokeLinejoin="round" />
          <circle cx={x(last)} cy={y(values[last]!)} r={4} style={{ fill: CHART_COLORS.primary }} />
          <text x={x(last) + 8} y={y(values[last]!) + 4.5} style={{ fill: CHART_COLORS.text }} fontWeight={700}>{formatValue(values[last]!)}</text>
        </>
      ) : null}
    </ChartFrame>
  );
}
