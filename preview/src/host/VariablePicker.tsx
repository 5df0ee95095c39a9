import type { SelectableValue } from '@grafana/data';
import { locationService } from '@grafana/runtime';
import { InlineField, MultiSelect, Select } from '@grafana/ui';
import type { LoadedVariable } from './dashboardVariables';
import type { VariableSpec } from './dashboardTemplateSrv';
import { previewTestIds, previewText } from './previewText';
import { ALL_VALUE } from './variableSelection';

interface Props {
  loaded: LoadedVariable;
  spec: VariableSpec;
}

/** A dashboard variable's picker; the selection lives in the URL (`var-<name>`), as in Grafana. */
export function VariablePicker({ loaded, spec }: Props) {
  const { variable, choices } = loaded;
  const options: Array<SelectableValue<string>> = [
    ...(variable.includeAll ? [{ label: previewText.all, value: ALL_VALUE }] : []),
    ...choices.map((choice) => ({ label: choice.text, value: String(choice.value ?? choice.text) })),
  ];
  const select = (values: string[]) => {
    // Choosing a branch after All means that branch only.
    const chosen = values.length > 1 ? values.filter((value) => value !== ALL_VALUE) : values;
    locationService.partial({ [`var-${variable.name}`]: chosen.length > 0 ? chosen : undefined });
  };
  const selected = Array.isArray(spec.selected) ? spec.selected : [spec.selected];
  return (
    <div data-testid={previewTestIds.variable(variable.name)}>
      <InlineField label={variable.label ?? variable.name}>
        {variable.multi ? (
          <MultiSelect
            options={options}
            value={selected}
            onChange={(items) => select(items.map((item) => item.value ?? ''))}
            width={40}
          />
        ) : (
          <Select options={options} value={selected[0]} onChange={(item) => select([item.value ?? ''])} width={30} />
        )}
      </InlineField>
    </div>
  );
}
