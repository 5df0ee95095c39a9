import type { QueryEditorProps } from '@grafana/data';
import { getTemplateSrv } from '@grafana/runtime';
import { Alert, InlineField, LoadingPlaceholder, RadioButtonGroup, Stack } from '@grafana/ui';
import type { TouchpointDataSource } from '../datasource';
import { labels, testIds } from '../messages';
import { migrateQuery } from '@touchpoint/contract/src/migrateQuery';
import {
  newQuery,
  queryKinds,
  type QueryKind,
  type SavedQuery,
  type TouchpointQuery,
} from '@touchpoint/contract/src/savedQuery';
import type { TouchpointOptions } from '../types';
import { DrillEditor } from './DrillEditor';
import { JourneyEditor } from './JourneyEditor';
import { MetricBuilder } from './MetricBuilder';
import { SqlEditor } from './SqlEditor';
import { useCatalog } from './useCatalog';

type Props = QueryEditorProps<TouchpointDataSource, TouchpointQuery, TouchpointOptions>;

const modeOptions = queryKinds.map((value) => ({ label: labels.modes[value], value }));

/** Four modes over one saved query: the metric builder, SQL, the panel's drill queries, and where the journey leaks. */
export function QueryEditor({ datasource, query, onChange, onRunQuery }: Props) {
  const catalog = useCatalog(datasource);
  const variables = getTemplateSrv()
    .getVariables()
    .map((variable) => variable.name);

  let saved: SavedQuery;
  try {
    saved = migrateQuery(query);
  } catch (error) {
    return (
      <Alert severity="error" title="This query cannot be read">
        {error instanceof Error ? error.message : String(error)}
      </Alert>
    );
  }

  // The datasource reference and anything Grafana keeps on the query stay; the kind's fields are replaced whole.
  const change = (next: SavedQuery, run = false) => {
    onChange({ datasource: query.datasource, ...next });
    if (run) {
      onRunQuery();
    }
  };
  const switchMode = (kind: QueryKind) =>
    kind !== saved.kind && change({ ...newQuery(kind, saved.refId), hide: saved.hide }, kind !== 'sql');

  const editor = () => {
    switch (saved.kind) {
      case 'metric':
        if (catalog.status === 'loading') {
          return <LoadingPlaceholder text={labels.catalogLoading} />;
        }
        if (catalog.status === 'failed') {
          return (
            <Alert severity="error" title="The metric catalog could not be read">
              {catalog.message}
            </Alert>
          );
        }
        return (
          <MetricBuilder
            query={saved}
            catalog={catalog.catalog}
            variables={variables}
            onChange={(next) => change(next, true)}
            onEditAsSql={(sql) =>
              change(
                {
                  ...newQuery('sql', saved.refId),
                  sql,
                  format: saved.interval !== 'none' && saved.groupBy.length > 0 ? 'time_series' : 'table',
                },
                true
              )
            }
          />
        );
      case 'sql':
        return (
          <SqlEditor
            query={saved}
            completion={catalog.status === 'ready' ? { catalog: catalog.catalog, variables } : undefined}
            onChange={(next) => change(next)}
            onRunQuery={onRunQuery}
          />
        );
      case 'drill':
        return <DrillEditor query={saved} onChange={(next) => change(next)} onRunQuery={onRunQuery} />;
      case 'journey':
        return <JourneyEditor query={saved} variables={variables} onChange={(next) => change(next, true)} />;
    }
  };

  return (
    <Stack direction="column" gap={1}>
      <InlineField label={labels.mode} labelWidth={12}>
        <RadioButtonGroup
          data-testid={testIds.modePicker}
          options={modeOptions}
          value={saved.kind}
          onChange={switchMode}
        />
      </InlineField>
      {editor()}
    </Stack>
  );
}
