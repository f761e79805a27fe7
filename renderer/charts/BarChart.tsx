import { ChartFrame } from './ChartFrame.js';
import { CHART_COLORS, CHART_WIDTH, textWidth, truncate } from './chartStyle.js';
import type { Scale } from './niceScale.js';

export interface BarSeries {
  name: string;
  /** A CSS color (a DSFR variable with its fallback: see chartStyle.ts). */
  color: string;
}

export interface BarGroup {
  label: string;
  /** One value per series; undefined draws no bar (« – »). */
  values: (number | undefined)[];
}

export interface BarChartProps {
  /** Unique in the page: the ids of the title and description derive from it. */
  id: string;
  /** The chart's accessible name. */
  title: string;
  /** What it shows in one sentence, read after the name; the figures themselves are in the table beside. */
  description: string;
  series: BarSeries[];
  groups: BarGroup[];
  scale: Scale;
  /** An axis tick's text (« 10 j »). */
  formatTick: (value: number) => string;
  /** The text at the end of a bar (« 12,5 j »). */
  formatValue: (value: number) => string;
}

const WIDTH = CHART_WIDTH;
const BAR = 22;
const BAR_GAP = 4;
const GROUP_GAP = 16;
const LEGEND = 30;
const AXIS = 26;
const VALUE_SPACE = 70;

/**
 * Horizontal bars, grouped by label when there are several series (then with a legend), on an axis from 0
 * with its grid: inline SVG drawn on the server, no script (see ChartFrame for its accessible name).
 */
export function BarChart({ id, title, description, series, groups, scale, formatTick, formatValue }: BarChartProps) {
  const labelWidth = Math.min(250, Math.max(...groups.map((g) => textWidth(truncate(g.label))), 40) + 12);
  const plotLeft = labelWidth;
  const plotWidth = WIDTH - plotLeft - VALUE_SPACE;
  const top = series.length > 1 ? LEGEND : 6;
  const groupHeight = series.length * BAR + (series.length - 1) * BAR_GAP;
  const plotHeight = groups.length * groupHeight + Math.max(0, groups.length - 1) * GROUP_GAP + 12;
  const height = top + plotHeight + AXIS;
  const x = (value: number) => plotLeft + (Math.max(0, value) / scale.max) * plotWidth;
  return (
    <ChartFrame id={id} title={title} description={description} width={WIDTH} height={height}>
      {series.length > 1 ? (
        <g>
          {series.map((s, i) => (
            <g key={s.name} transform={`translate(${plotLeft + i * 160}, 6)`}>
              <rect width={14} height={14} rx={2} style={{ fill: s.color }} />
              <text x={20} y={12} style={{ fill: CHART_COLORS.text }}>{s.name}</text>
            </g>
          ))}
        </g>
      ) : null}
      <g>
        {scale.ticks.map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={top} y2={top + plotHeight} style={{ stroke: tick === 0 ? CHART_COLORS.axis : CHART_COLORS.grid }} strokeWidth={1} />
            <text x={x(tick)} y={top + plotHeight + 19} textAnchor="middle" style={{ fill: CHART_COLORS.mention }}>{formatTick(tick)}</text>
          </g>
        ))}
        {groups.map((group, g) => {
          const groupTop = top + 6 + g * (groupHeight + GROUP_GAP);
          return (
            <g key={`${group.label}-${g}`}>
              <text x={plotLeft - 10} y={groupTop + groupHeight / 2 + 5} textAnchor="end" style={{ fill: CHART_COLORS.text }}>{truncate(group.label)}</text>
              {series.map((s, i) => {
                const value = group.values[i];
                const barTop = groupTop + i * (BAR + BAR_GAP);
                return (
                  <g key={s.name}>
                    {value !== undefined ? <rect x={plotLeft} y={barTop} width={Math.max(value > 0 ? 1.5 : 0, x(value) - plotLeft)} height={BAR} style={{ fill: s.color }} /> : null}
                    <text x={value !== undefined ? x(value) + 6 : plotLeft + 6} y={barTop + BAR / 2 + 5} style={{ fill: CHART_COLORS.text }} fontWeight={700}>
                      {value !== undefined ? formatValue(value) : '–'}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </g>
    </ChartFrame>
  );
}
