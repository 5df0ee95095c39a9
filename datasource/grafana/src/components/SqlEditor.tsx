import { CodeEditor, InlineField, RadioButtonGroup, Stack, Text } from '@grafana/ui';
import { useLayoutEffect, useRef } from 'react';
import { queryFormats } from '@touchpoint/contract/src/queryRequest';
import { labels, testIds } from '../messages';
import type { SavedSqlQuery } from '@touchpoint/contract/src/savedQuery';
import { registerSqlEditor } from '../sql/registerSqlEditor';
import type { CompletionContext } from '../sql/sqlCompletions';

interface Props {
  query: SavedSqlQuery;
  completion: CompletionContext | undefined;
  onChange: (query: SavedSqlQuery) => void;
  onRunQuery: () => void;
}

const formatOptions = queryFormats.map((value) => ({ label: labels.formats[value], value }));

/** Grafana's code editor with autocomplete from the catalog; Ctrl/Cmd+Enter saves and runs. */
export function SqlEditor({ query, completion, onChange, onRunQuery }: Props) {
  // Monaco keeps the callbacks it was given at mount: read the latest through refs.
  const latest = useRef({ query, completion, onChange, onRunQuery });
  useLayoutEffect(() => {
    latest.current = { query, completion, onChange, onRunQuery };
  });

  return (
    <Stack direction="column" gap={1}>
      <div data-testid={testIds.sqlEditor}>
        <CodeEditor
          language="sql"
          value={query.sql}
          height={200}
          showLineNumbers
          showMiniMap={false}
          onBlur={(sql) => sql !== query.sql && onChange({ ...query, sql })}
          onEditorDidMount={(editor, monaco) =>
            registerSqlEditor(
              editor,
              monaco,
              () => latest.current.completion,
              (sql) => {
                latest.current.onChange({ ...latest.current.query, sql });
                latest.current.onRunQuery();
              }
            )
          }
        />
      </div>
      <Stack gap={2} alignItems="center">
        <InlineField label={labels.format} labelWidth={12}>
          <RadioButtonGroup
            options={formatOptions}
            value={query.format}
            onChange={(format) => {
              onChange({ ...query, format });
              onRunQuery();
            }}
          />
        </InlineField>
        <Text color="secondary" variant="bodySmall">
          {labels.runHint}
        </Text>
      </Stack>
    </Stack>
  );
}
