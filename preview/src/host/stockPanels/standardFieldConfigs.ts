import {
  booleanOverrideProcessor,
  dataLinksOverrideProcessor,
  displayNameOverrideProcessor,
  FieldType,
  identityOverrideProcessor,
  numberOverrideProcessor,
  stringOverrideProcessor,
  thresholdsOverrideProcessor,
  ThresholdsMode,
  valueMappingsOverrideProcessor,
  type Field,
  type FieldConfigPropertyItem,
} from '@grafana/data';

/** The preview has no panel editor: a property's editors draw nothing. */
const noEditor = () => null;

type Property = Pick<FieldConfigPropertyItem, 'id' | 'process'> &
  Partial<Pick<FieldConfigPropertyItem, 'shouldApply' | 'settings' | 'defaultValue' | 'isCustom' | 'path'>>;

/** One field config property as Grafana's registry holds it, without its editors. */
export const fieldConfigProperty = ({ id, path, shouldApply, ...rest }: Property): FieldConfigPropertyItem => ({
  id,
  name: id,
  path: path ?? id,
  editor: noEditor,
  override: noEditor,
  shouldApply: shouldApply ?? (() => true),
  ...rest,
});

const isNumber = (field: Field) => field.type === FieldType.number;

/**
 * Grafana's standard field options (its app registers them at startup,
 * `getAllStandardFieldConfigs`): the same ids, processors, settings and
 * defaults, so a panel's `fieldConfig` (units, decimals, min/max,
 * thresholds, mappings, display names with `${__field.labels.x}`) means
 * what it means in Grafana.
 */
export const standardFieldConfigs: FieldConfigPropertyItem[] = [
  fieldConfigProperty({ id: 'unit', process: stringOverrideProcessor }),
  fieldConfigProperty({ id: 'min', process: numberOverrideProcessor, shouldApply: isNumber }),
  fieldConfigProperty({ id: 'max', process: numberOverrideProcessor, shouldApply: isNumber }),
  fieldConfigProperty({ id: 'fieldMinMax', process: booleanOverrideProcessor, shouldApply: isNumber }),
  fieldConfigProperty({ id: 'decimals', process: numberOverrideProcessor, shouldApply: isNumber }),
  fieldConfigProperty({
    id: 'displayName',
    process: displayNameOverrideProcessor,
    settings: { expandTemplateVars: true },
  }),
  fieldConfigProperty({
    id: 'color',
    process: identityOverrideProcessor,
    settings: { byValueSupport: true, preferThresholdsMode: true },
  }),
  fieldConfigProperty({ id: 'noValue', process: stringOverrideProcessor }),
  fieldConfigProperty({ id: 'links', process: dataLinksOverrideProcessor }),
  fieldConfigProperty({ id: 'actions', process: identityOverrideProcessor }),
  fieldConfigProperty({
    id: 'mappings',
    process: valueMappingsOverrideProcessor,
    defaultValue: [],
    shouldApply: (field) => field.type !== FieldType.time,
  }),
  fieldConfigProperty({
    id: 'thresholds',
    process: thresholdsOverrideProcessor,
    defaultValue: {
      mode: ThresholdsMode.Absolute,
      steps: [
        { value: -Infinity, color: 'green' },
        { value: 80, color: 'red' },
      ],
    },
  }),
  fieldConfigProperty({ id: 'filterable', process: booleanOverrideProcessor }),
];
