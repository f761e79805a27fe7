import type { ReactNode } from 'react';
import { CHART_FONT, CHART_FONT_SIZE, CHART_MIN_WIDTH } from './chartStyle.js';

export interface ChartFrameProps {
  id: string;
  title: string;
  description: string;
  width: number;
  height: number;
  children: ReactNode;
}

/**
 * The SVG of a chart: `role="img"` named by its title and described by its description (the figures themselves
 * are for the table that goes with every chart), as wide as its column up to its own width. On a narrow screen
 * it keeps a width at which its text stays legible and scrolls sideways, in a container that takes the focus
 * so that a keyboard can scroll it too.
 */
export function ChartFrame({ id, title, description, width, height, children }: ChartFrameProps) {
  return (
    <div style={{ overflowX: 'auto' }} tabIndex={0} role="group" aria-label={`Graphique : ${title}`}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-titre ${id}-description`}
        style={{ minWidth: `${CHART_MIN_WIDTH}px`, maxWidth: `${width}px`, height: 'auto', display: 'block' }}
        fontFamily={CHART_FONT}
        fontSize={CHART_FONT_SIZE}
      >
        <title id={`${id}-titre`}>{title}</title>
        <desc id={`${id}-description`}>{description}</desc>
        {children}
      </svg>
    </div>
  );
}
