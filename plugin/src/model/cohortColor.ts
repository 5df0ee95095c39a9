import { colorManipulator, type GrafanaTheme2 } from '@grafana/data';

/**
 * Share of the scale's colour at the low end: enough to tell the lowest
 * cell from an empty one (a month not reached yet), which has no fill.
 */
const FLOOR = 0.12;
/** WCAG AA for normal text. */
export const MIN_TEXT_CONTRAST = 4.5;

/** The retention values (0..1) the colours span: the lowest and highest shown. */
export interface RetentionScale {
  low: number;
  high: number;
}

const rgbOf = (color: string): [number, number, number] => {
  const values: unknown = colorManipulator.decomposeColor(colorManipulator.asRgbString(color)).values;
  if (!Array.isArray(values) || values.length < 3) {
    throw new Error(`not a colour: ${color}`);
  }
  return [Number(values[0]), Number(values[1]), Number(values[2])];
};

const mix = (from: string, to: string, share: number): string => {
  const a = rgbOf(from);
  const b = rgbOf(to);
  const [r, g, bl] = a.map((value, i) => Math.round(value + (b[i] - value) * share));
  return `rgb(${r}, ${g}, ${bl})`;
};

const clamp01 = (value: number) => Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0));

/**
 * The scale for the values shown: from the lowest to the highest, so the
 * colours spread over what the triangle holds (retention mostly sits between
 * 80% and 100%, where a fixed 0..100% scale leaves every cell the same blue).
 * Undefined when there is no value to colour.
 */
export const retentionScale = (values: readonly number[]): RetentionScale | undefined => {
  const finite = values.filter(Number.isFinite).map(clamp01);
  if (finite.length === 0) {
    return undefined;
  }
  return { low: Math.min(...finite), high: Math.max(...finite) };
};

/**
 * Where `retention` sits on the scale, 0 at the low end and 1 at the high
 * end; a scale of one value puts everything at the high end.
 */
export const scaleShare = (scale: RetentionScale, retention: number): number =>
  scale.high > scale.low ? clamp01((retention - scale.low) / (scale.high - scale.low)) : 1;

/**
 * The fill at `share` (0..1) of the scale: one hue from the panel background
 * towards the theme's blue. Blue because retention is a quantity, not a
 * verdict: a red/green scale would judge, and fail the red/green
 * colour-blind. The number is always written in the cell and the legend
 * writes the ends, so the colour only repeats what is written.
 */
export const shareFill = (theme: GrafanaTheme2, share: number): string =>
  mix(
    theme.colors.background.primary,
    theme.visualization.getColorByName('blue'),
    FLOOR + (1 - FLOOR) * clamp01(share)
  );

/** The fill of a cell retaining `retention` on `scale`. */
export const retentionFill = (theme: GrafanaTheme2, scale: RetentionScale, retention: number): string =>
  shareFill(theme, scaleShare(scale, retention));

/**
 * The legend's gradient: the fills change linearly in RGB from end to end,
 * which is what a two-stop CSS gradient draws.
 */
export const legendGradient = (theme: GrafanaTheme2): string =>
  `linear-gradient(to right, ${shareFill(theme, 0)}, ${shareFill(theme, 1)})`;

/**
 * Text on a fill: the theme's white or black, whichever reaches AA. Between
 * pure white and pure black one always reaches 4.58:1 on an opaque fill,
 * so this holds for every fill in both themes.
 */
export const textOnFill = (theme: GrafanaTheme2, fill: string): string =>
  theme.colors.getContrastText(fill, MIN_TEXT_CONTRAST);
