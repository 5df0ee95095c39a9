import { colorManipulator, createTheme } from '@grafana/data';
import { MIN_TEXT_CONTRAST, retentionFill, textOnFill } from './cohortColor';

const themes = { dark: createTheme({ colors: { mode: 'dark' } }), light: createTheme({ colors: { mode: 'light' } }) };
const steps = Array.from({ length: 101 }, (_, i) => i / 100);

describe.each(Object.entries(themes))('cohort colours in the %s theme', (_mode, theme) => {
  it('keeps the cell text at AA contrast on every fill from 0% to 100%', () => {
    for (const retention of steps) {
      const fill = retentionFill(theme, retention);
      expect(colorManipulator.getContrastRatio(textOnFill(theme, fill), fill)).toBeGreaterThanOrEqual(
        MIN_TEXT_CONTRAST
      );
    }
  });

  it('moves steadily away from the background as retention grows', () => {
    const background = theme.colors.background.primary;
    const distances = steps.map((retention) =>
      colorManipulator.getContrastRatio(retentionFill(theme, retention), background)
    );
    distances.slice(1).forEach((distance, i) => expect(distance).toBeGreaterThanOrEqual(distances[i]));
    expect(distances[100]).toBeGreaterThan(distances[0] + 1.5);
  });

  it('gives 0% a fill of its own, unlike an empty cell', () => {
    expect(colorManipulator.asHexString(retentionFill(theme, 0))).not.toBe(
      colorManipulator.asHexString(theme.colors.background.primary)
    );
  });

  it('ends at the theme’s blue and clamps values outside 0..1', () => {
    expect(colorManipulator.asHexString(retentionFill(theme, 1)).toLowerCase()).toBe(
      theme.visualization.getColorByName('blue').toLowerCase()
    );
    expect(retentionFill(theme, 1.4)).toBe(retentionFill(theme, 1));
    expect(retentionFill(theme, -0.2)).toBe(retentionFill(theme, 0));
  });
});
