import { applyFieldOverrides, type DataFrame, type GrafanaTheme2, type TimeZone } from '@grafana/data';

/**
 * Frames ready for @grafana/ui's Table and TimeSeries: each field with its
 * display processor (units, decimals, colours from the theme), as Grafana's
 * Explore prepares a result, with no field config of its own.
 */
export const displayFrames = (frames: DataFrame[], theme: GrafanaTheme2, timeZone: TimeZone): DataFrame[] =>
  applyFieldOverrides({
    data: frames,
    fieldConfig: { defaults: {}, overrides: [] },
    replaceVariables: (value) => value,
    theme,
    timeZone,
  });
