import { colorManipulator, createTheme } from '@grafana/data';
import {
  legendGradient,
  MIN_TEXT_CONTRAST,
  retentionFill,
  retentionScale,
  scaleShare,
  shareFill,
  textOnFill,
} from './cohortColor';

const themes = { dark: createTheme({ colors: { mode: 'dark' } }), light: createTheme({ colors: { mode: 'light' } }) };
const steps = Array.from({ length: 101 }, (_, i) => i / 100);

describe('the retention scale', () => {
  it('spans the lowest to the highest value shown', () => {
    expect(retentionScale([0.96, 0.79, 1, 0.87])).toEqual({ low: 0.79, high: 1 });
  });

  it('has nothing to span without a value, and ignores values that are not numbers', () => {
    expect(retentionScale([])).toBeUndefined();
    expect(retentionScale([Number.NaN])).toBeUndefined();
    expect(retentionScale([0.9, Number.NaN, 0.8])).toEqual({ low: 0.8, high: 0.9 });
  });

  it('puts the lowest value at 0 and the highest at 1, the rest in proportion', () => {
    const scale = { low: 0.8, high: 1 };
    expect(scaleShare(scale, 0.8)).toBe(0);
    expect(scaleShare(scale, 1)).toBe(1);
    expect(scaleShare(scale, 0.9)).toBeCloseTo(0.5);
    expect(scaleShare(scale, 0.5)).toBe(0);
  });

  it('puts every value at the high end when all values are the same', () => {
    expect(scaleShare({ low: 1, high: 1 }, 1)).toBe(1);
  });
});

describe.each(Object.entries(themes))('cohort colours in the %s theme', (_mode, theme) => {
  it('keeps the cell text at AA contrast on every fill of the scale', () => {
    for (const share of steps) {
      const fill = shareFill(theme, share);
      expect(colorManipulator.getContrastRatio(textOnFill(theme, fill), fill)).toBeGreaterThanOrEqual(
        MIN_TEXT_CONTRAST
      );
    }
  });

  it('moves steadily away from the background along the scale', () => {
    const background = theme.colors.background.primary;
    const distances = steps.map((share) => colorManipulator.getContrastRatio(shareFill(theme, share), background));
    distances.slice(1).forEach((distance, i) => expect(distance).toBeGreaterThanOrEqual(distances[i]));
    expect(distances[100]).toBeGreaterThan(distances[0] + 1.5);
  });

  it('tells 87% from 100% at a glance when the triangle holds 79% to 100%', () => {
    const scale = { low: 0.79, high: 1 };
    const ratio = colorManipulator.getContrastRatio(retentionFill(theme, scale, 0.87), retentionFill(theme, scale, 1));
    expect(ratio).toBeGreaterThan(1.5);
  });

  it('gives the low end a fill of its own, unlike an empty cell', () => {
    expect(colorManipulator.asHexString(shareFill(theme, 0))).not.toBe(
      colorManipulator.asHexString(theme.colors.background.primary)
    );
  });

  it('ends at the theme’s blue and clamps shares outside 0..1', () => {
    expect(colorManipulator.asHexString(shareFill(theme, 1)).toLowerCase()).toBe(
      theme.visualization.getColorByName('blue').toLowerCase()
    );
    expect(shareFill(theme, 1.4)).toBe(shareFill(theme, 1));
    expect(shareFill(theme, -0.2)).toBe(shareFill(theme, 0));
  });

  it('draws the legend from the low end’s fill to the high end’s', () => {
    expect(legendGradient(theme)).toBe(`linear-gradient(to right, ${shareFill(theme, 0)}, ${shareFill(theme, 1)})`);
  });
});
