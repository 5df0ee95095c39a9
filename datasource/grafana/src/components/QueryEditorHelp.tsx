import type { QueryEditorHelpProps } from '@grafana/data';
import { Stack, Text } from '@grafana/ui';
import { macros, macroNames } from '@touchpoint/contract/src/macros';
import { examples } from '../messages';
import { newQuery, type TouchpointQuery } from '@touchpoint/contract/src/savedQuery';

/** Explore's cheat sheet: the service's macros and example SQL that a click puts in the editor. */
export function QueryEditorHelp({ onClickExample }: QueryEditorHelpProps<TouchpointQuery>) {
  return (
    <Stack direction="column" gap={2}>
      <Stack direction="column" gap={1}>
        <Text element="h3">Example SQL</Text>
        {examples.map((example) => (
          <button
            key={example.title}
            type="button"
            aria-label={example.title}
            onClick={() => onClickExample({ ...newQuery('sql', 'A'), sql: example.sql, format: example.format })}
          >
            <Text weight="medium">{example.title}</Text>
            <pre>{example.sql}</pre>
          </button>
        ))}
      </Stack>
      <Stack direction="column" gap={0.5}>
        <Text element="h3">Macros</Text>
        {macroNames.map((name) => (
          <Text key={name}>
            <code>{macros[name].snippet.replace(/\$\{\d+:([^}]*)\}/g, '$1')}</code> {macros[name].help}
          </Text>
        ))}
      </Stack>
    </Stack>
  );
}
