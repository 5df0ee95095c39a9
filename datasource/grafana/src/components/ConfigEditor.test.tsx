import type { DataSourceSettings } from '@grafana/data';
import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderControlled } from '../testing/renderControlled';
import { testIds } from '../messages';
import type { TouchpointOptions, TouchpointSecureOptions } from '../types';
import { ConfigEditor } from './ConfigEditor';

type Settings = DataSourceSettings<TouchpointOptions, TouchpointSecureOptions>;

const settings = (overrides: Partial<Settings> = {}): Settings =>
  ({
    id: 1,
    uid: 'tp',
    name: 'Touchpoint',
    type: 'touchpoint-duckdb-datasource',
    jsonData: {},
    secureJsonFields: {},
    ...overrides,
  }) as Settings;

const renderConfig = (initial: Settings) =>
  renderControlled(initial, (options, onOptionsChange) => (
    <ConfigEditor options={options} onOptionsChange={onOptionsChange} />
  ));

describe('ConfigEditor', () => {
  it('stores the service URL, trimmed, in jsonData', async () => {
    const changes = renderConfig(settings());
    fireEvent.change(screen.getByTestId(testIds.urlInput), { target: { value: ' http://touchpoint:7400 ' } });
    expect(changes.at(-1)?.jsonData.url).toBe('http://touchpoint:7400');
  });

  it('sends a new token only in secureJsonData, never in jsonData', async () => {
    const changes = renderConfig(settings({ jsonData: { url: 'http://touchpoint:7400' } }));
    await userEvent.type(screen.getByTestId(testIds.tokenInput), 's3cret');
    expect(changes.at(-1)?.secureJsonData).toEqual({ token: 's3cret' });
    expect(JSON.stringify(changes.at(-1)?.jsonData)).not.toContain('s3cret');
  });

  it('shows a saved token only as configured, and Reset lets a new one be entered', async () => {
    const changes = renderConfig(settings({ secureJsonFields: { token: true } }));
    const input = screen.getByTestId(testIds.tokenInput);
    expect(input).toBeDisabled();
    expect(input).toHaveValue('configured');
    await userEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(changes.at(-1)).toMatchObject({ secureJsonFields: { token: false }, secureJsonData: { token: '' } });
    expect(screen.getByTestId(testIds.tokenInput)).toBeEnabled();
  });
});
