/**
 * The charts' look: DSFR colour variables (so that the dark theme applies), each with the light theme's value
 * as a fallback, and Marianne, the DSFR's font.
 */
export const CHART_COLORS = {
  text: 'var(--text-default-grey, #3a3a3a)',
  mention: 'var(--text-mention-grey, #666666)',
  axis: 'var(--border-plain-grey, #3a3a3a)',
  grid: 'var(--border-default-grey, #dddddd)',
  primary: 'var(--background-action-high-blue-france, #000091)',
  secondary: 'var(--background-action-high-blue-cumulus, #417dc4)',
  area: 'var(--background-action-low-blue-france, #e3e3fd)',
} as const;

export const CHART_FONT = 'Marianne, arial, sans-serif';
export const CHART_FONT_SIZE = 14;
/** The charts' width in SVG units, and the least width they are drawn at (about 12 px text). */
export const CHART_WIDTH = 640;
export const CHART_MIN_WIDTH = 540;

/** About how wide a text is at 14 px, in pixels: enough to lay out labels without measuring them. */
export const textWidth = (text: string) => Math.ceil(text.length * 7.6);

/** A label cut to fit beside the bars; the table beside the chart has it whole. */
export const truncate = (text: string, max = 32) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
