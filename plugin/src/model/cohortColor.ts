import { colorManipulator, type GrafanaTheme2 } from '@grafana/data';

/**
 * Share of the scale's colour at retention 0: enough to tell a written-off
 * cell from an empty one (a month not reached yet), which has no fill.
 */
const FLOOR = 0.12;
/** WCAG AA for normal text. */
export const MIN_TEXT_CONTRAST = 4.5;

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

/**
 * The fill of a cell retaining `retention` (0..1): one hue from the panel
 * background towards the theme's blue, on a fixed 0..100% scale so the same
 * colour means the same share in every panel and time range. Blue because
 * retention is a quantity, not a verdict: a red/green scale would judge, and
 * fail the red/green colour-blind. The number is always written in the cell.
 */
export const retentionFill = (theme: GrafanaTheme2, retention: number): string => {
  const share = Math.min(1, Math.max(0, Number.isFinite(retention) ? retention : 0));
  return mix(theme.colors.background.primary, theme.visualization.getColorByName('blue'), FLOOR + (1 - FLOOR) * share);
};

/**
 * Text on a fill: the theme's white or black, whichever reaches AA. Between
 * pure white and pure black one always reaches 4.58:1 on an opaque fill,
 * so this holds for every fill in both themes.
 */
export const textOnFill = (theme: GrafanaTheme2, fill: string): string =>
  theme.colors.getContrastText(fill, MIN_TEXT_CONTRAST);
