import {
  applyFieldOverrides,
  type DataFrame,
  type FieldConfigSource,
  type GrafanaTheme2,
  type InterpolateFunction,
  type TimeZone,
} from '@grafana/data';
import { fieldConfigRegistryFor } from './fieldConfigRegistryFor';

interface Inputs {
  series: DataFrame[];
  /** The panel's field config with its type's defaults (withStockFieldDefaults). */
  fieldConfig: FieldConfigSource;
  theme: GrafanaTheme2;
  timeZone: TimeZone;
  replaceVariables: InterpolateFunction;
}

/**
 * What Grafana's query runner does to a panel's frames before the panel
 * sees them: each field's config from the panel's defaults and overrides,
 * on top of what the datasource sent, with its display processor (unit,
 * decimals, thresholds, mappings) and min/max range.
 */
export const applyStockFieldConfig = ({
  series,
  fieldConfig,
  theme,
  timeZone,
  replaceVariables,
}: Inputs): DataFrame[] =>
  applyFieldOverrides({
    data: series,
    fieldConfig,
    fieldConfigRegistry: fieldConfigRegistryFor(fieldConfig),
    replaceVariables,
    theme,
    timeZone,
  });
