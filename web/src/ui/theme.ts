import { rgb } from 'd3';

/**
 * Colour-blind-safe colours. Categorical: Tableau 10. Sequential: viridis (tile maps) and blues; diverging:
 * ColorBrewer RdBu, reversed so that red means more vacancies than seekers. Status colours run from blue to
 * red through orange (never red against green) and always come with a symbol and a word; 'missed' (a period over,
 * its target not reached) is near-black: darker than every other status under any colour-vision deficiency.
 */
/** Tableau 10, with its light yellow moved back (it reads poorly as a thin line on white). */
export const categorical = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#b07aa1', '#9c755f', '#ff9da7', '#edc948', '#bab0ab'];

export const ink = '#1f2933';
/** Secondary text in charts: 5.2:1 on white. */
export const muted = '#616e7c';
export const grid = '#e4e7eb';
export const outside = '#d9dde2';
export const highlight = '#c2410c';

/** The reference series a region is read against (the nation, the province): dark grey, dashed. */
export const reference = '#52606d';
export const referenceDash = '4,3';
/** A baseline such as "nation = 100": ink, finely dashed. */
export const baselineDash = '3,3';
/** Lines and bars that give context without being the subject (peer ranges, past years). */
export const context = '#cbd2d9';
export const neutral = '#9aa5b1';
/** Past years behind the highlighted current one, oldest lightest. */
export const pastYears = ['#9fb3c8', '#627d98', '#334e68'];
/** A value with no status (no target): the on-track blue without its meaning. */
export const noStatus = '#3d8ac4';

export const medalColors = { gold: '#d4a017', silver: '#9aa5b1', bronze: '#a0522d' } as const;

export const statusStyles = {
  achieved: { color: '#1d4e89', symbol: '✔' },
  on_track: { color: '#3d8ac4', symbol: '●' },
  acceleration_needed: { color: '#e08a00', symbol: '▲' },
  limited_progress: { color: '#d1561f', symbol: '◆' },
  falling_behind: { color: '#a61b29', symbol: '✖' },
  missed: { color: '#2d3339', symbol: '■' },
} as const;

export type Status = keyof typeof statusStyles;

export const isStatus = (value: unknown): value is Status => typeof value === 'string' && value in statusStyles;

/** Black or white text, whichever reads better on a fill colour (sRGB relative luminance). */
export function textOn(fill: string): string {
  const parsed = rgb(fill);
  if (!parsed) return ink;
  const [r, g, b] = [parsed.r, parsed.g, parsed.b].map((c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.3 ? ink : '#ffffff';
}

/** Secondary text: a value's note under its bar, the names on tiles outside the series and in empty cells. */
export const secondaryText = '#52606d';
/** A heatmap cell without a value. */
export const noValueFill = '#eef0f2';
