import type { SelectableValue } from '@grafana/data';
import { Field, IconButton, MultiSelect, Select, Stack, Text } from '@grafana/ui';
import { labels } from '../messages';

interface Props {
  /** Dimension -> values, each a literal or a dashboard variable. */
  filters: Record<string, string[] | undefined>;
  /** The dimensions the query can filter on. */
  dimensions: readonly string[];
  /** Dashboard variables, offered as values (`$branch`). */
  variables: string[];
  onChange: (filters: Record<string, string[]>) => void;
}

export const asOptions = (values: readonly string[]): Array<SelectableValue<string>> =>
  values.map((value) => ({ label: value, value }));

/** A query's filters: one row of values per dimension, and a picker to add one; the metric and journey editors share it. */
export function FiltersField({ filters, dimensions, variables, onChange }: Props) {
  const current = Object.entries(filters).filter((entry): entry is [string, string[]] => entry[1] !== undefined);
  const unusedDimensions = dimensions.filter((dimension) => !(dimension in filters));
  const setFilter = (dimension: string, values: string[]) =>
    onChange({ ...Object.fromEntries(current), [dimension]: values });
  const removeFilter = (dimension: string) =>
    onChange(Object.fromEntries(current.filter(([name]) => name !== dimension)));
  return (
    <Field label={labels.filters}>
      <Stack direction="column" gap={0.5}>
        {current.map(([dimension, values]) => (
          <Stack key={dimension} gap={1} alignItems="center">
            <Text>{dimension}</Text>
            <MultiSelect
              aria-label={`${labels.filters} ${dimension}`}
              width={40}
              allowCustomValue
              placeholder={labels.filterValues}
              options={asOptions([
                ...variables.map((name) => `$${name}`),
                ...values.filter((value) => !value.startsWith('$')),
              ])}
              value={values}
              onChange={(options) => setFilter(dimension, options.map((option) => option.value ?? '').filter(Boolean))}
            />
            <IconButton
              name="trash-alt"
              tooltip={`${labels.removeFilter} ${dimension}`}
              onClick={() => removeFilter(dimension)}
            />
          </Stack>
        ))}
        {unusedDimensions.length > 0 && (
          <Select
            aria-label={labels.addFilter}
            width={24}
            placeholder={labels.addFilter}
            options={asOptions(unusedDimensions)}
            value={null}
            onChange={(option) => option.value && setFilter(option.value, [])}
          />
        )}
      </Stack>
    </Field>
  );
}
