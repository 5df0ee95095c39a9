import { Alert, InlineField, RadioButtonGroup, Stack, TextArea, Text } from '@grafana/ui';
import { useState } from 'react';
import { labels, testIds } from '../messages';
import { migrateVariableQuery, variableKinds, type VariableQuery } from '../variables/variableQuery';

interface Props {
  query: VariableQuery | string | undefined;
  onChange: (query: VariableQuery) => void;
}

const kindOptions = variableKinds.map((value) => ({ label: labels.variableKinds[value], value }));

const newVariable = (): VariableQuery => migrateVariableQuery({ kind: 'branches' });

/** The saved query, or a new one and why the saved one could not be read: never silently replaced. */
const readQuery = (query: Props['query']): { current: VariableQuery; problem?: string } => {
  if (query === undefined || query === '') {
    return { current: newVariable() };
  }
  try {
    return { current: migrateVariableQuery(query) };
  } catch (error) {
    return { current: newVariable(), problem: error instanceof Error ? error.message : String(error) };
  }
};

/** A fixed list (branches, regions, …) or any SQL returning `value` and optionally `text`. */
export function VariableQueryEditor({ query, onChange }: Props) {
  const { current, problem } = readQuery(query);
  const [sql, setSql] = useState(current.sql ?? '');
  return (
    <Stack direction="column" gap={1}>
      {problem && (
        <Alert severity="warning" title={labels.variableUnreadable}>
          {problem}
        </Alert>
      )}
      <InlineField label={labels.variableKind} labelWidth={12}>
        <RadioButtonGroup
          data-testid={testIds.variableKindPicker}
          options={kindOptions}
          value={current.kind}
          onChange={(kind) => onChange({ ...current, kind, ...(kind === 'sql' ? { sql } : { sql: undefined }) })}
        />
      </InlineField>
      {current.kind === 'sql' && (
        <Stack direction="column" gap={0.5}>
          <TextArea
            data-testid={testIds.variableSql}
            aria-label={labels.variableSqlInput}
            rows={4}
            value={sql}
            placeholder="select distinct segment as value from dim_customers order by 1"
            onChange={(event) => setSql(event.currentTarget.value)}
            onBlur={() => onChange({ ...current, sql })}
          />
          <Text color="secondary" variant="bodySmall">
            {labels.variableSqlHelp}
          </Text>
        </Stack>
      )}
    </Stack>
  );
}
