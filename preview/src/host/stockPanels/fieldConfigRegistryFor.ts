import { FieldConfigOptionsRegistry, identityOverrideProcessor, type FieldConfigSource } from '@grafana/data';
import { fieldConfigProperty, standardFieldConfigs } from './standardFieldConfigs';

const CUSTOM = 'custom.';

/**
 * The field config properties a panel's overrides and defaults can set:
 * Grafana's standard ones, and each `custom` property the panel or its
 * type's defaults name (a panel's graph styles, a table's cell options),
 * taken as given, as Grafana's panels process theirs.
 */
export const fieldConfigRegistryFor = (fieldConfig: FieldConfigSource): FieldConfigOptionsRegistry => {
  const registry = new FieldConfigOptionsRegistry();
  standardFieldConfigs.forEach((item) => registry.register(item));
  const customIds = new Set([
    ...Object.keys(fieldConfig.defaults.custom ?? {}).map((key) => `${CUSTOM}${key}`),
    ...fieldConfig.overrides
      .flatMap((override) => override.properties)
      .map((property) => property.id)
      .filter((id) => id.startsWith(CUSTOM)),
  ]);
  for (const id of customIds) {
    registry.register(
      fieldConfigProperty({ id, path: id.slice(CUSTOM.length), isCustom: true, process: identityOverrideProcessor })
    );
  }
  return registry;
};
