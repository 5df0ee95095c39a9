import type { FieldConfigSource, ThresholdsConfig } from '@grafana/data';
import { cloneDeep, isArray, mergeWith } from 'lodash';
import { standardFieldConfigs } from './standardFieldConfigs';
import { stockPanelFieldDefaults } from './stockPanelFieldDefaults';
import type { StockPanelType } from './stockPanelTypes';

/** The standard options' own defaults (thresholds, mappings), as Grafana's plugins collect them. */
const standardDefaults = Object.fromEntries(
  standardFieldConfigs.filter((item) => item.defaultValue !== undefined).map((item) => [item.path, item.defaultValue])
);

/** JSON cannot hold -Infinity: Grafana saves the base threshold as null and reads it back as -Infinity. */
const withBaseThreshold = (thresholds: ThresholdsConfig | undefined) => {
  if (thresholds?.steps?.[0] && thresholds.steps[0].value === null) {
    thresholds.steps[0].value = -Infinity;
  }
};

/**
 * A panel's field config as Grafana's dashboard holds it once the panel's
 * plugin has loaded (`applyFieldConfigDefaults`): the plugin's defaults
 * under the panel's own (arrays replace, not merge), base thresholds
 * restored, overrides kept in order.
 */
export const withStockFieldDefaults = (type: StockPanelType, fieldConfig: FieldConfigSource): FieldConfigSource => {
  const defaults = mergeWith(
    {},
    cloneDeep(standardDefaults),
    cloneDeep(stockPanelFieldDefaults[type]),
    cloneDeep(fieldConfig.defaults),
    (_: unknown, source: unknown) => (isArray(source) ? source : undefined)
  );
  withBaseThreshold(defaults.thresholds);
  const overrides = cloneDeep(fieldConfig.overrides ?? []);
  for (const property of overrides.flatMap((override) => override.properties)) {
    if (property.id === 'thresholds') {
      withBaseThreshold(property.value);
    }
  }
  return { defaults, overrides };
};
