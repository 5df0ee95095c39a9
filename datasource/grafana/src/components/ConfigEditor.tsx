import type { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { Field, Input, SecretInput, Stack } from '@grafana/ui';
import type { ChangeEvent } from 'react';
import { labels, testIds } from '../messages';
import type { TouchpointOptions, TouchpointSecureOptions } from '../types';

type Props = DataSourcePluginOptionsEditorProps<TouchpointOptions, TouchpointSecureOptions>;

/**
 * The service URL, and the token as a secure field: once saved, Grafana
 * reports only that it is configured, and its data proxy adds it to requests.
 */
export function ConfigEditor({ options, onOptionsChange }: Props) {
  const onUrlChange = (event: ChangeEvent<HTMLInputElement>) =>
    onOptionsChange({ ...options, jsonData: { ...options.jsonData, url: event.target.value.trim() } });
  const onTokenChange = (event: ChangeEvent<HTMLInputElement>) =>
    onOptionsChange({ ...options, secureJsonData: { ...options.secureJsonData, token: event.target.value } });
  const onTokenReset = () =>
    onOptionsChange({
      ...options,
      secureJsonFields: { ...options.secureJsonFields, token: false },
      secureJsonData: { ...options.secureJsonData, token: '' },
    });

  return (
    <Stack direction="column" gap={1}>
      <Field label={labels.url} description={labels.urlHelp} required>
        <Input
          id={testIds.urlInput}
          data-testid={testIds.urlInput}
          value={options.jsonData.url ?? ''}
          placeholder="http://localhost:7400"
          width={60}
          onChange={onUrlChange}
        />
      </Field>
      <Field label={labels.token} description={labels.tokenHelp}>
        <SecretInput
          id={testIds.tokenInput}
          data-testid={testIds.tokenInput}
          isConfigured={Boolean(options.secureJsonFields?.token)}
          value={options.secureJsonData?.token ?? ''}
          placeholder={labels.tokenPlaceholder}
          width={60}
          onReset={onTokenReset}
          onChange={onTokenChange}
        />
      </Field>
    </Stack>
  );
}
