import { InlineField, Input, Select, Stack } from '@grafana/ui';
import { drillKinds, drillParameters, type DrillParameter } from '@touchpoint/contract/src/queryRequest';
import { labels, testIds } from '../messages';
import type { SavedDrillQuery } from '@touchpoint/contract/src/savedQuery';

interface Props {
  query: SavedDrillQuery;
  onChange: (query: SavedDrillQuery) => void;
  onRunQuery: () => void;
}

const drillOptions = drillKinds.map((value) => ({ label: labels.drills[value], value }));

/** The relationship-to-interaction queries the scorecard panel drills through; each field takes a literal or a variable. */
export function DrillEditor({ query, onChange, onRunQuery }: Props) {
  const { needs, optional } = drillParameters[query.drill];
  const field = (name: DrillParameter, required: boolean) => (
    <InlineField key={name} label={labels.drillFields[name]} labelWidth={14} required={required}>
      <Input
        aria-label={labels.drillFields[name]}
        width={32}
        placeholder={labels.drillPlaceholders[name]}
        value={query[name] ?? ''}
        onChange={(event) => onChange({ ...query, [name]: event.currentTarget.value || undefined })}
        onBlur={onRunQuery}
      />
    </InlineField>
  );
  return (
    <Stack gap={1} wrap="wrap">
      <InlineField label={labels.drill} labelWidth={12}>
        <Select
          inputId={testIds.drillPicker}
          width={32}
          options={drillOptions}
          value={query.drill}
          onChange={(option) => {
            if (!option.value) {
              return;
            }
            onChange({ ...query, drill: option.value });
            onRunQuery();
          }}
        />
      </InlineField>
      {needs.map((name) => field(name, true))}
      {optional.map((name) => field(name, false))}
      <InlineField label={labels.drillFields.limit} labelWidth={10}>
        <Input
          aria-label={labels.drillFields.limit}
          type="number"
          width={12}
          placeholder={labels.drillPlaceholders.limit}
          value={query.limit ?? ''}
          onChange={(event) => {
            const limit = Number(event.currentTarget.value);
            onChange({ ...query, limit: Number.isInteger(limit) && limit > 0 ? limit : undefined });
          }}
          onBlur={onRunQuery}
        />
      </InlineField>
    </Stack>
  );
}
