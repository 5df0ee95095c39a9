import {
  Button,
  Field,
  InlineField,
  InlineSwitch,
  MultiSelect,
  RadioButtonGroup,
  Select,
  Stack,
  Text,
} from '@grafana/ui';
import type { CatalogResponse } from '@touchpoint/contract/src/serviceResponses';
import { metricLevels, type MetricDefinition } from '@touchpoint/contract/src/metricDefinition';
import { labels, testIds } from '../messages';
import { metricSqlPreview } from '../query/metricSqlPreview';
import { metricIntervals, type SavedMetricQuery } from '@touchpoint/contract/src/savedQuery';
import { asOptions, FiltersField } from './FiltersField';

interface Props {
  query: SavedMetricQuery;
  catalog: CatalogResponse;
  /** Dashboard variables, offered as filter values (`$branch`). */
  variables: string[];
  onChange: (query: SavedMetricQuery) => void;
  onEditAsSql: (sql: string) => void;
}

/** Metrics grouped by level, so interaction-level service and relationship-level experience never blur. */
const metricOptions = (catalog: CatalogResponse) =>
  metricLevels.map((level) => ({
    label: labels.levels[level],
    options: catalog.metrics
      .filter((metric) => metric.level === level)
      .map((metric) => ({ label: metric.label, value: metric.name, description: metric.description })),
  }));

const intervalOptions = metricIntervals.map((value) => ({ label: labels.intervals[value], value }));

/** Group-by and filters that the newly picked metric cannot take are dropped, not sent to fail. */
const withMetric = (query: SavedMetricQuery, metric: MetricDefinition): SavedMetricQuery => ({
  ...query,
  metric: metric.name,
  groupBy: query.groupBy.filter((dimension) => metric.dimensions.includes(dimension)),
  filters: Object.fromEntries(
    Object.entries(query.filters).filter(([dimension]) => metric.dimensions.includes(dimension))
  ),
});

/** A comparison needs the whole range; it goes when the query becomes a time series. */
const withInterval = (query: SavedMetricQuery, interval: SavedMetricQuery['interval']): SavedMetricQuery => ({
  ...query,
  interval,
  compare: interval === 'none' ? query.compare : undefined,
});

export function MetricBuilder({ query, catalog, variables, onChange, onEditAsSql }: Props) {
  const metric = catalog.metrics.find((candidate) => candidate.name === query.metric);
  const dimensions = metric?.dimensions ?? [];
  const preview = metric ? metricSqlPreview(metric, query) : undefined;

  return (
    <Stack direction="column" gap={1}>
      <Stack gap={1} wrap="wrap" alignItems="flex-start">
        <InlineField label={labels.metric} labelWidth={12}>
          <Select
            inputId={testIds.metricPicker}
            data-testid={testIds.metricPicker}
            width={40}
            options={metricOptions(catalog)}
            value={query.metric}
            onChange={(option) => {
              const picked = catalog.metrics.find((candidate) => candidate.name === option.value);
              if (picked) {
                onChange(withMetric(query, picked));
              }
            }}
          />
        </InlineField>
        <InlineField label={labels.groupBy} labelWidth={12}>
          <MultiSelect
            inputId={testIds.groupByPicker}
            width={40}
            options={asOptions(dimensions)}
            value={query.groupBy}
            onChange={(options) =>
              onChange({ ...query, groupBy: options.map((option) => option.value ?? '').filter(Boolean) })
            }
          />
        </InlineField>
        <InlineField label={labels.interval} labelWidth={12}>
          <RadioButtonGroup
            options={intervalOptions}
            value={query.interval}
            onChange={(interval) => onChange(withInterval(query, interval))}
          />
        </InlineField>
        {query.interval === 'none' && (
          <InlineField label={labels.compare} labelWidth={16} tooltip={labels.compareHelp}>
            <InlineSwitch
              aria-label={labels.compare}
              value={query.compare === 'previous_period'}
              onChange={(event) =>
                onChange({ ...query, compare: event.currentTarget.checked ? 'previous_period' : undefined })
              }
            />
          </InlineField>
        )}
      </Stack>
      {metric ? (
        <div data-testid={testIds.metricDescription}>
          <Text color="secondary">
            {labels.levels[metric.level]}. {metric.description}
          </Text>
        </div>
      ) : (
        <Text color="error">{`Unknown metric ${query.metric}: pick one from the catalog.`}</Text>
      )}
      <FiltersField
        filters={query.filters}
        dimensions={dimensions}
        variables={variables}
        onChange={(filters) => onChange({ ...query, filters })}
      />
      {preview && (
        <Field label={labels.metricSql}>
          <Stack direction="column" gap={0.5} alignItems="flex-start">
            <pre data-testid={testIds.metricSql}>{'sql' in preview ? preview.sql : preview.reason}</pre>
            {'sql' in preview && (
              <Button size="sm" variant="secondary" icon="edit" onClick={() => onEditAsSql(preview.sql)}>
                {labels.editAsSql}
              </Button>
            )}
          </Stack>
        </Field>
      )}
    </Stack>
  );
}
