import type { DataFrame, GrafanaTheme2, TimeZone } from '@grafana/data';
import { applyStockFieldConfig } from '../stockPanels/applyStockFieldConfig';
import { withStockFieldDefaults } from '../stockPanels/withStockFieldDefaults';
import type { ResultView } from './exploreUrl';

/** Explore sets no field config of its own: each view takes its panel's defaults. */
const NO_FIELD_CONFIG = { defaults: {}, overrides: [] };

/**
 * Frames ready for @grafana/ui's Table and TimeSeries: each field with its
 * display processor (units, decimals, colours from the theme), as Grafana's
 * Explore prepares a result with the defaults of the panel that draws it
 * (the time series' classic palette and plain lines, the table's cells).
 * The same defaults and registry as the preview's stock panels, so a query
 * looks in Explore as it does on a dashboard.
 */
export const displayFrames = (
  frames: DataFrame[],
  view: ResultView,
  theme: GrafanaTheme2,
  timeZone: TimeZone
): DataFrame[] =>
  applyStockFieldConfig({
    series: frames,
    fieldConfig: withStockFieldDefaults(view === 'time_series' ? 'timeseries' : 'table', NO_FIELD_CONFIG),
    theme,
    timeZone,
    replaceVariables: (value) => value,
  });
