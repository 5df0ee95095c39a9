import {
  applyFieldOverrides,
  FieldColorModeId,
  type DataFrame,
  type FieldConfig,
  type GrafanaTheme2,
  type TimeZone,
} from '@grafana/data';
import { GraphDrawStyle } from '@grafana/schema';
import type { ResultView } from './exploreUrl';

/** Grafana's Explore graph: each series its own colour from the classic palette, plain lines. */
const graphDefaults: FieldConfig = {
  color: { mode: FieldColorModeId.PaletteClassic },
  custom: { drawStyle: GraphDrawStyle.Line, fillOpacity: 0, pointSize: 5 },
};

/** A field with the view's defaults under its own config, the field's own settings winning. */
const withDefaults = (frame: DataFrame, defaults: FieldConfig): DataFrame => ({
  ...frame,
  fields: frame.fields.map((field) => ({
    ...field,
    config: { ...defaults, ...field.config, custom: { ...defaults.custom, ...field.config.custom } },
  })),
});

/**
 * Frames ready for @grafana/ui's Table and TimeSeries: each field with its
 * display processor (units, decimals, colours from the theme), as Grafana's
 * Explore prepares a result: its graph's defaults for a time series, none
 * for a table. The defaults are set on the fields themselves: applying them
 * as field config defaults needs the registry of standard options, which
 * Grafana's core fills at start and the preview does not have.
 */
export const displayFrames = (
  frames: DataFrame[],
  view: ResultView,
  theme: GrafanaTheme2,
  timeZone: TimeZone
): DataFrame[] =>
  applyFieldOverrides({
    data: view === 'time_series' ? frames.map((frame) => withDefaults(frame, graphDefaults)) : frames,
    fieldConfig: { defaults: {}, overrides: [] },
    replaceVariables: (value) => value,
    theme,
    timeZone,
  });
