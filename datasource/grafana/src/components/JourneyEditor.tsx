import { InlineField, MultiSelect, Stack, Text } from '@grafana/ui';
import { journeyDimensions, type JourneyDimension } from '@touchpoint/contract/src/queryRequest';
import type { SavedJourneyQuery } from '@touchpoint/contract/src/savedQuery';
import { labels, testIds } from '../messages';
import { asOptions, FiltersField } from './FiltersField';

interface Props {
  query: SavedJourneyQuery;
  /** Dashboard variables, offered as filter values (`$branch`). */
  variables: string[];
  onChange: (query: SavedJourneyQuery) => void;
}

const isDimension = (value: string | undefined): value is JourneyDimension =>
  (journeyDimensions as readonly unknown[]).includes(value);

/** Where the journey leaks: always per touchpoint, optionally per branch, region or segment, over filtered customers. */
export function JourneyEditor({ query, variables, onChange }: Props) {
  return (
    <Stack direction="column" gap={1}>
      <InlineField label={labels.groupBy} labelWidth={12} tooltip={labels.journeyGroupByHelp}>
        <MultiSelect
          inputId={testIds.journeyGroupByPicker}
          width={40}
          options={asOptions(journeyDimensions)}
          value={query.groupBy}
          onChange={(options) =>
            onChange({ ...query, groupBy: options.map((option) => option.value).filter(isDimension) })
          }
        />
      </InlineField>
      <div data-testid={testIds.journeyDescription}>
        <Text color="secondary">{labels.journeyHelp}</Text>
      </div>
      <FiltersField
        filters={query.filters}
        dimensions={journeyDimensions}
        variables={variables}
        onChange={(filters) =>
          onChange({
            ...query,
            filters: Object.fromEntries(Object.entries(filters).filter(([dimension]) => isDimension(dimension))),
          })
        }
      />
    </Stack>
  );
}
